package dev.herald.benchmark;

import jakarta.json.JsonObject;

/**
 * Events handled in a time.
 *
 * @param failed events that were sent or read but not acknowledged or not readable
 */
record Throughput(long events, double seconds, long failed) {

  /** A server {@code Timing}: events, nanos, failed. */
  static Throughput of(JsonObject timing) {
    return new Throughput(
        timing.getJsonNumber("events").longValue(),
        timing.getJsonNumber("nanos").longValue() / 1e9,
        timing.getJsonNumber("failed").longValue());
  }

  double perSecond() {
    return seconds > 0 ? events / seconds : 0;
  }
}
