package dev.herald.benchmark;

import jakarta.json.JsonObject;

/** The server's memory at one moment: resident set (and its peak so far) and heap. */
record MemorySample(long rssBytes, long peakRssBytes, long heapUsedBytes, long heapCommittedBytes) {

  static MemorySample of(JsonObject sample) {
    return new MemorySample(
        sample.getJsonNumber("rssBytes").longValue(),
        sample.getJsonNumber("peakRssBytes").longValue(),
        sample.getJsonNumber("heapUsedBytes").longValue(),
        sample.getJsonNumber("heapCommittedBytes").longValue());
  }

  /** The larger of each figure. */
  MemorySample max(MemorySample other) {
    return new MemorySample(
        Math.max(rssBytes, other.rssBytes),
        Math.max(peakRssBytes, other.peakRssBytes),
        Math.max(heapUsedBytes, other.heapUsedBytes),
        Math.max(heapCommittedBytes, other.heapCommittedBytes));
  }
}
