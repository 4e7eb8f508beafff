package dev.herald.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario in order against the deployed server and writes {@code results.json} and
 * {@code results.md}. Publishing comes first: with the benchmark channel paused, it fills the topic
 * that the consume scenario then reads; latency runs last, on a warm, idle channel.
 */
final class Benchmark {

  private final BenchmarkSizes sizes;
  private final BenchServer server = new BenchServer();

  Benchmark(BenchmarkSizes sizes) {
    this.sizes = sizes;
  }

  BenchmarkResults run() throws Exception {
    Instant started = Instant.now();
    String loadAtStart = Machine.loadAverage();
    Map<String, Object> machine = Machine.describe();
    machine.put("broker", "Apache Kafka " + System.getProperty("herald.kafka.version", "unknown"));
    Map<String, Object> facts = server.facts();
    try (MemorySampler memory = new MemorySampler(server)) {
      CpuAccount cpu = new CpuAccount(server.get("memory").getJsonNumber("pid").longValue());
      memory.phase("publish");
      Comparison publish = new PublishScenario(server, sizes).run();
      memory.phase("REST batch ingest");
      Throughput rest = new RestBatchScenario(server, sizes).run();
      memory.phase("consume");
      Comparison consume = new ConsumeScenario(server, sizes).run();
      memory.phase(null);
      MemorySample idle = memory.now(false);
      MemorySample idleAfterGc = memory.now(true);
      List<LatencyResult> latency = new ArrayList<>();
      LatencyScenario latencyScenario = new LatencyScenario(server, sizes);
      for (int rate : sizes.latencyRates()) {
        memory.phase(String.format("latency at %,d/s", rate));
        latency.add(latencyScenario.run(rate));
      }
      memory.phase(null);
      return new BenchmarkResults(
          started,
          machine,
          facts,
          sizes,
          publish,
          rest,
          consume,
          latency,
          idle,
          idleAfterGc,
          memory.highest(),
          cpu.stop(),
          loadAtStart,
          Machine.loadAverage());
    }
  }

  /** Writes the results; returns the files written. */
  static List<Path> write(BenchmarkResults results, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path json = Files.writeString(directory.resolve("results.json"), ResultsJson.of(results));
    Path markdown = Files.writeString(directory.resolve("results.md"), ResultsMarkdown.of(results));
    return List.of(json, markdown);
  }
}
