package dev.herald.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How much each scenario does.
 *
 * @param events timed events per run of each publish path and of REST ingest
 * @param warmup untimed events sent first in each publish run and before the REST runs; the
 *     smallest warm-up of a consume backlog
 * @param runs how many times each throughput figure is measured
 * @param restBatch events per {@code POST /api/events/batch}
 * @param restConcurrency requests in flight at once
 * @param consumeWindow records per timed consume run, at the end of each backlog
 * @param floodEvents invalid events of the flood; its runs are a quarter of it each (with 3 runs)
 * @param latencyRates events per second of each latency run
 * @param latencySeconds measured seconds per rate, after {@code latencyWarmupSeconds}
 * @param latencyTargetRate the rate whose p99 the target applies to
 */
record BenchmarkSizes(
    int events,
    int warmup,
    int runs,
    int restBatch,
    int restConcurrency,
    int consumeWindow,
    int floodEvents,
    List<Integer> latencyRates,
    int latencySeconds,
    int latencyWarmupSeconds,
    int latencyTargetRate,
    Path output) {

  /** The full benchmark; each size may be changed with a {@code herald.bench.*} property. */
  static BenchmarkSizes fromSystemProperties() {
    return new BenchmarkSizes(
        Integer.getInteger("herald.bench.events", 30_000),
        Integer.getInteger("herald.bench.warmup", 10_000),
        Integer.getInteger("herald.bench.runs", 3),
        Integer.getInteger("herald.bench.rest-batch", 1_000),
        Integer.getInteger("herald.bench.rest-concurrency", 4),
        Integer.getInteger("herald.bench.consume-window", 100_000),
        Integer.getInteger("herald.bench.flood-events", 60_000),
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
    return new BenchmarkSizes(300, 100, 3, 100, 2, 300, 200, List.of(500), 1, 1, 5_000, output);
  }
}
