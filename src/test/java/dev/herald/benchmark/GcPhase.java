package dev.herald.benchmark;

import jakarta.json.JsonObject;

/**
 * The server's garbage collections during one phase of the run: stop-the-world pauses (count, 99th
 * percentile, longest, their share of the phase's time) and, apart, concurrent cycles.
 *
 * @param phase the phase's name; {@code null} for the whole run (absent from the server's JSON)
 * @param pauseMillis the pauses' sum
 */
record GcPhase(
    String phase,
    double wallSeconds,
    int pauses,
    long pauseP99Millis,
    long pauseMaxMillis,
    long pauseMillis,
    long concurrentCycles,
    long concurrentMillis) {

  static GcPhase of(JsonObject json) {
    return new GcPhase(
        !json.containsKey("phase") || json.isNull("phase") ? null : json.getString("phase"),
        json.getJsonNumber("wallMillis").longValue() / 1e3,
        json.getInt("pauses"),
        json.getJsonNumber("pauseP99Millis").longValue(),
        json.getJsonNumber("pauseMaxMillis").longValue(),
        json.getJsonNumber("pauseMillis").longValue(),
        json.getJsonNumber("concurrentCycles").longValue(),
        json.getJsonNumber("concurrentMillis").longValue());
  }

  /** The share of the phase's time spent in pauses, 0 to 1. */
  double pauseShare() {
    return wallSeconds > 0 ? pauseMillis / 1e3 / wallSeconds : 0;
  }
}
