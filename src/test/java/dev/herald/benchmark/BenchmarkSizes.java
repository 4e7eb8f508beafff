package dev.herald.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How much each scenario does.
 *
 * @param events timed events per publish path and REST ingest
 * @param warmup untimed events sent first on each path
 * @param restBatch events per {@code POST /api/events/batch}
 * @param restConcurrency requests in flight at once
 * @param latencyRates events per second of each latency run
 * @param latencySeconds measured seconds per rate, after {@code latencyWarmupSeconds}
 * @param latencyTargetRate the rate whose p99 the target applies to
 */
record BenchmarkSizes(
    int events,
    int warmup,
    int restBatch,
    int restConcurrency,
    List<Integer> latencyRates,
    int latencySeconds,
    int latencyWarmupSeconds,
    int latencyTargetRate,
    Path output) {

  /** The full benchmark; each size may be changed with a {@code herald.bench.*} property. */
  static BenchmarkSizes fromSystemProperties() {
    return new BenchmarkSizes(
        Integer.getInteger("herald.bench.events", 50_000),
        Integer.getInteger("herald.bench.warmup", 10_000),
        Integer.getInteger("herald.bench.rest-batch", 1_000),
        Integer.getInteger("herald.bench.rest-concurrency", 4),
        Arrays.stream(System.getProperty("herald.bench.latency-rates", "1000,5000").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList(),
        Integer.getInteger("herald.bench.latency-seconds", 30),
        Integer.getInteger("herald.bench.latency-warmup-seconds", 5),
        5_000,
        Path.of(System.getProperty("herald.bench.output", "target/benchmark")));
  }

  /** A few hundred events: enough to run every scenario's code, too few to mean anything. */
  static BenchmarkSizes smoke(Path output) {
    return new BenchmarkSizes(300, 100, 100, 2, List.of(500), 1, 1, 5_000, output);
  }
}
