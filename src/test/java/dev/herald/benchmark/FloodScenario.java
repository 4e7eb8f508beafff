package dev.herald.benchmark;

import jakarta.json.JsonObject;

/**
 * The invalid flood: with Herald's channel paused, the plain producer writes {@code floodEvents}
 * well-formed CloudEvents of the benchmark type whose data breaks its schema (a required field
 * missing); the channel is then resumed and sends them all to its dead-letter topic. The drain rate
 * is the last {@code runs} windows of a quarter of the flood each (with 3 runs), timed by the
 * server from Herald's dead-letter count; Herald's channel stays resumed afterwards.
 */
final class FloodScenario {

  static final String PHASE = "invalid flood: Herald";

  private final BenchServer server;
  private final BenchmarkSizes sizes;
  private final Phases phases;

  FloodScenario(BenchServer server, BenchmarkSizes sizes, Phases phases) {
    this.server = server;
    this.sizes = sizes;
    this.phases = phases;
  }

  /**
   * @param published invalid records written
   * @param deadLettered records Herald's metrics counted as dead-lettered
   * @param handled events that reached the handler (none should)
   * @param deadLetterRecords records the dead-letter topic gained
   */
  record Result(
      long published, long deadLettered, long handled, long deadLetterRecords, Runs drain) {}

  Result run() {
    int count = sizes.floodEvents();
    Throughput written =
        Throughput.of(
            server.post(
                "fill?run=flood-&invalid=true&count=" + count,
                BenchmarkEvents.event("template", 0)));
    if (written.failed() > 0) {
      throw new IllegalStateException(written.failed() + " of " + count + " events not written");
    }
    phases.start(PHASE);
    JsonObject flood = server.post("flood?count=%d&runs=%d".formatted(count, sizes.runs()), null);
    phases.start(null);
    return new Result(
        count,
        number(flood, "deadLettered"),
        number(flood, "handled"),
        number(flood, "deadLetterRecords"),
        Runs.of(flood.getJsonArray("runs"), number(flood, "failed")));
  }

  private static long number(JsonObject json, String name) {
    return json.getJsonNumber(name).longValue();
  }
}
