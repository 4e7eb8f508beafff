package dev.herald.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code results.json}: every figure, rounded for reading, with machine, versions and settings. */
final class ResultsJson {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ResultsJson() {}

  static String of(BenchmarkResults results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started", results.started().toString());
    json.put("machine", results.machine());
    json.put("loadAverageAtStart", results.loadAverageAtStart());
    json.put("loadAverageAtEnd", results.loadAverageAtEnd());
    json.put("cpu", cpu(results.cpu()));
    json.put("server", results.server());
    json.put("sizes", sizes(results.sizes()));
    json.put("publish", comparison(results.publish()));
    json.put("restBatchIngest", throughput(results.restBatch()));
    json.put("consume", comparison(results.consume()));
    json.put("latency", results.latency().stream().map(ResultsJson::latency).toList());
    json.put("memory", memory(results));
    json.put("targets", results.targets());
    return JSON.writeValueAsString(json);
  }

  private static Map<String, Object> cpu(CpuAccount.Usage usage) {
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("wallSeconds", round(usage.wallSeconds()));
    cpu.put("machineBusySeconds", round(usage.busySeconds()));
    cpu.put("benchmarkProcessesSeconds", round(usage.benchmarkSeconds()));
    cpu.put("otherWorkShare", round(usage.otherShare()));
    return cpu;
  }

  private static Map<String, Object> sizes(BenchmarkSizes sizes) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("eventType", dev.herald.benchmark.server.BenchmarkHandler.TYPE);
    json.put("dataBytes", BenchmarkEvents.DATA_BYTES);
    json.put("events", sizes.events());
    json.put("warmup", sizes.warmup());
    json.put("restBatch", sizes.restBatch());
    json.put("restConcurrency", sizes.restConcurrency());
    json.put("latencyRates", sizes.latencyRates());
    json.put("latencySeconds", sizes.latencySeconds());
    json.put("latencyWarmupSeconds", sizes.latencyWarmupSeconds());
    return json;
  }

  private static Map<String, Object> comparison(Comparison comparison) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("herald", throughput(comparison.herald()));
    json.put("plain", throughput(comparison.plain()));
    json.put("ratio", round(comparison.ratio()));
    return json;
  }

  private static Map<String, Object> throughput(Throughput throughput) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("events", throughput.events());
    json.put("seconds", round(throughput.seconds()));
    json.put("eventsPerSecond", Math.round(throughput.perSecond()));
    json.put("failed", throughput.failed());
    return json;
  }

  private static Map<String, Object> latency(LatencyResult latency) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rate", latency.rate());
    json.put("measured", latency.measured());
    json.put("recorded", latency.recorded());
    json.put("failed", latency.failed());
    json.put("publishSeconds", round(latency.publishSeconds()));
    json.put("drainSeconds", round(latency.drainSeconds()));
    for (double percentile : List.of(50.0, 90.0, 99.0, 99.9)) {
      json.put("p" + percentileName(percentile) + "Millis", round(latency.millis(percentile)));
    }
    json.put("maxMillis", round(latency.maxMillis()));
    return json;
  }

  private static Map<String, Object> memory(BenchmarkResults results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("idleAfterWarmup", results.idle());
    json.put("idleAfterFullGc", results.idleAfterGc());
    json.put("highestPerScenario", results.underLoad());
    json.put("maxRssUnderLoadBytes", results.maxRssUnderLoad());
    return json;
  }

  static String percentileName(double percentile) {
    return percentile == Math.rint(percentile)
        ? Long.toString((long) percentile)
        : Double.toString(percentile).replace(".", "");
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
