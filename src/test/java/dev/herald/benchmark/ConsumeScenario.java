package dev.herald.benchmark;

import jakarta.json.JsonObject;

/**
 * Consume throughput. First on the backlog the publish scenarios left (topped up if too small),
 * which every consumer reads whole, each with a consumer group of its own: a plain {@code
 * KafkaConsumer} loop that parses each value, the same loop decoding and validating each record as
 * Herald does, the bare SmallRye channel doing that work, then Herald's channel with the
 * non-blocking handler (decode, validation, {@code EventManager}, the handler, ack). Then Herald's
 * channel again with the blocking handler, on a backlog written for it while it was paused. Each
 * figure is the last {@code runs} windows of {@code consumeWindow} records of its backlog; what
 * comes before warms up. The channels are paused again, idle, once they have read their backlog.
 */
final class ConsumeScenario {

  static final String PLAIN = "consume: plain consumer";
  static final String VALIDATED = "consume: plain consumer + decode + validate";
  static final String BARE = "consume: bare SmallRye channel";
  static final String NON_BLOCKING = "consume: Herald, non-blocking handler";
  static final String BLOCKING = "consume: Herald, blocking handler";

  private final BenchServer server;
  private final BenchmarkSizes sizes;
  private final Phases phases;

  ConsumeScenario(BenchServer server, BenchmarkSizes sizes, Phases phases) {
    this.server = server;
    this.sizes = sizes;
    this.phases = phases;
  }

  /**
   * @param backlog the records of the first backlog, read by every consumer
   * @param plainValidated the plain consumer decoding, validating and upcasting each record
   * @param bare the bare SmallRye channel doing the same
   */
  record Result(
      long backlog,
      Runs heraldNonBlocking,
      Runs heraldBlocking,
      Runs plain,
      Runs plainValidated,
      Runs bare) {}

  Result run() {
    long needed = sizes.warmup() + (long) sizes.runs() * sizes.consumeWindow();
    JsonObject backlog = server.post("consume/backlog", null);
    if (number(backlog, "herald") < needed) {
      fill("consume-top-up-", needed - number(backlog, "herald"));
      backlog = server.post("consume/backlog", null);
    }
    long records = number(backlog, "herald");
    phases.start(PLAIN);
    Runs plain = Runs.of(server.post(plainQuery("consume/plain"), null));
    phases.start(VALIDATED);
    Runs validated = Runs.of(server.post(plainQuery("consume/plain-validated"), null));
    phases.start(BARE);
    Runs bare = ChannelDrain.run(server, "consume/bare", number(backlog, "bare"), sizes);
    handler(false);
    phases.start(NON_BLOCKING);
    Runs nonBlocking = ChannelDrain.run(server, "consume/herald", records, sizes);
    phases.start(null);
    fill("consume-blocking-", needed);
    handler(true);
    phases.start(BLOCKING);
    Runs blocking = ChannelDrain.run(server, "consume/herald", needed, sizes);
    phases.start(null);
    return new Result(records, nonBlocking, blocking, plain, validated, bare);
  }

  private String plainQuery(String path) {
    return "%s?runs=%d&window=%d".formatted(path, sizes.runs(), sizes.consumeWindow());
  }

  /** Writes {@code count} valid events with the plain producer while the channels are paused. */
  private void fill(String run, long count) {
    Throughput written =
        Throughput.of(
            server.post(
                "fill?run=%s&count=%d".formatted(run, count),
                BenchmarkEvents.event("template", 0)));
    if (written.failed() > 0) {
      throw new IllegalStateException(written.failed() + " of " + count + " events not written");
    }
  }

  private void handler(boolean blocking) {
    server.post("handler?blocking=" + blocking, null);
  }

  private static long number(JsonObject json, String name) {
    return json.getJsonNumber(name).longValue();
  }
}
