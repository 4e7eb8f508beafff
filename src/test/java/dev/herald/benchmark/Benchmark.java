package dev.herald.benchmark;

import dev.herald.benchmark.LatencyResult.Receiver;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario in order against the deployed server and writes {@code results.json} and
 * {@code results.md}. Publishing comes first: with the benchmark channels paused, it fills the
 * topic that the consume scenario then reads; then the invalid flood; latency runs last, on a warm
 * channel that has read everything, with the non-blocking and then the blocking handler, then the
 * plain clients' baseline at each rate.
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
      Phases phases = new Phases(server, memory);
      CpuAccount cpu = new CpuAccount(server.get("memory").getJsonNumber("pid").longValue());
      PublishScenario.Result publish = new PublishScenario(server, sizes, phases).run();
      phases.start("REST batch ingest");
      Runs rest = new RestBatchScenario(server, sizes).run();
      phases.start(null);
      ConsumeScenario.Result consume = new ConsumeScenario(server, sizes, phases).run();
      FloodScenario.Result flood = new FloodScenario(server, sizes, phases).run();
      MemorySample idle = memory.now(false);
      MemorySample idleAfterGc = memory.now(true);
      List<LatencyResult> latency = new ArrayList<>();
      LatencyScenario latencyScenario = new LatencyScenario(server, sizes);
      for (Receiver receiver : Receiver.values()) {
        for (int rate : sizes.latencyRates()) {
          phases.start(LatencyScenario.phase(rate, receiver));
          latency.add(latencyScenario.run(rate, receiver));
        }
      }
      phases.start(null);
      List<GcPhase> gc = new ArrayList<>();
      JsonArray collections = server.getArray("gc");
      for (int i = 0; i < collections.size(); i++) {
        gc.add(GcPhase.of(collections.getJsonObject(i)));
      }
      return new BenchmarkResults(
          started,
          machine,
          facts,
          sizes,
          publish,
          rest,
          consume,
          flood,
          latency,
          idle,
          idleAfterGc,
          memory.highest(),
          gc,
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
