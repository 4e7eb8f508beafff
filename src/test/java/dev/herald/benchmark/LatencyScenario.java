package dev.herald.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * End-to-end latency: the server publishes through Herald at a fixed rate while its channel runs,
 * and the handler, non-blocking or blocking, records each event's time from publish to handling, in
 * the same JVM. Each run's full percentile distribution goes to {@code
 * latency-<rate>-<blocking|non-blocking>.hgrm}, in milliseconds.
 */
final class LatencyScenario {

  private final BenchServer server;
  private final BenchmarkSizes sizes;

  LatencyScenario(BenchServer server, BenchmarkSizes sizes) {
    this.server = server;
    this.sizes = sizes;
  }

  /** The name of a latency run's phase. */
  static String phase(int rate, boolean blocking) {
    return BenchmarkResults.format(
        "latency at %,d/s, %s handler", rate, blocking ? "blocking" : "non-blocking");
  }

  LatencyResult run(int rate, boolean blocking) throws IOException {
    server.post("handler?blocking=" + blocking, null);
    String mode = blocking ? "blocking" : "non-blocking";
    String query =
        "latency?run=latency-%d-%s-&rate=%d&warmup-seconds=%d&seconds=%d"
            .formatted(rate, mode, rate, sizes.latencyWarmupSeconds(), sizes.latencySeconds());
    LatencyResult result =
        LatencyResult.of(server.post(query, BenchmarkEvents.event("template", 0)), blocking);
    Files.createDirectories(sizes.output());
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(
                sizes.output().resolve("latency-" + rate + "-" + mode + ".hgrm")))) {
      result.histogram().outputPercentileDistribution(out, 1e6);
    }
    return result;
  }
}
