package dev.herald.benchmark;

import dev.herald.benchmark.LatencyResult.Receiver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * End-to-end latency: the server publishes through Herald at a fixed rate while its channel runs,
 * and the handler, non-blocking or blocking, records each event's time from publish to handling, in
 * the same JVM. The baseline does the same with plain clients in that JVM: a producer with Herald's
 * settings sends the same records at the same rate to a topic of its own, and a consumer with the
 * channel's settings records each one's time from send to poll. Each run's full percentile
 * distribution goes to {@code latency-<rate>-<blocking|non-blocking|plain>.hgrm}, in milliseconds.
 */
final class LatencyScenario {

  private final BenchServer server;
  private final BenchmarkSizes sizes;

  LatencyScenario(BenchServer server, BenchmarkSizes sizes) {
    this.server = server;
    this.sizes = sizes;
  }

  /** The name of a latency run's phase. */
  static String phase(int rate, Receiver receiver) {
    return BenchmarkResults.format("latency at %,d/s, %s", rate, receiver.description);
  }

  LatencyResult run(int rate, Receiver receiver) throws IOException {
    String endpoint = "latency";
    if (receiver == Receiver.PLAIN) {
      endpoint = "latency/plain";
    } else {
      server.post("handler?blocking=" + (receiver == Receiver.BLOCKING), null);
    }
    String query =
        "%s?run=latency-%d-%s-&rate=%d&warmup-seconds=%d&seconds=%d"
            .formatted(
                endpoint,
                rate,
                receiver.id,
                rate,
                sizes.latencyWarmupSeconds(),
                sizes.latencySeconds());
    LatencyResult result =
        LatencyResult.of(server.post(query, BenchmarkEvents.event("template", 0)), receiver);
    Files.createDirectories(sizes.output());
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(
                sizes.output().resolve("latency-" + rate + "-" + receiver.id + ".hgrm")))) {
      result.histogram().outputPercentileDistribution(out, 1e6);
    }
    return result;
  }
}
