package dev.herald.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * End-to-end latency: the server publishes through Herald at a fixed rate while its channel runs,
 * and the handler records each event's time from publish to handling, in the same JVM. Each rate's
 * full percentile distribution goes to {@code latency-<rate>.hgrm}, in milliseconds.
 */
final class LatencyScenario {

  private final BenchServer server;
  private final BenchmarkSizes sizes;

  LatencyScenario(BenchServer server, BenchmarkSizes sizes) {
    this.server = server;
    this.sizes = sizes;
  }

  LatencyResult run(int rate) throws IOException {
    String query =
        "latency?run=latency-%d-&rate=%d&warmup-seconds=%d&seconds=%d"
            .formatted(rate, rate, sizes.latencyWarmupSeconds(), sizes.latencySeconds());
    LatencyResult result =
        LatencyResult.of(server.post(query, BenchmarkEvents.event("template", 0)));
    Files.createDirectories(sizes.output());
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(sizes.output().resolve("latency-" + rate + ".hgrm")))) {
      result.histogram().outputPercentileDistribution(out, 1e6);
    }
    return result;
  }
}
