package dev.herald.benchmark;

import dev.herald.benchmark.LatencyResult.Receiver;
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
    json.put("headline", results.headline());
    json.put("publish", publish(results.publish()));
    json.put("restBatchIngest", runs(results.restBatch()));
    json.put("consume", consume(results.consume()));
    json.put("invalidFlood", flood(results.flood(), results.consume()));
    json.put("latency", results.latency().stream().map(l -> latency(l, results)).toList());
    json.put("gc", results.gc().stream().map(ResultsJson::gc).toList());
    json.put("memory", memory(results));
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
    json.put("runs", sizes.runs());
    json.put("restBatch", sizes.restBatch());
    json.put("restConcurrency", sizes.restConcurrency());
    json.put("consumeWindow", sizes.consumeWindow());
    json.put("floodEvents", sizes.floodEvents());
    json.put("latencyRates", sizes.latencyRates());
    json.put("latencySeconds", sizes.latencySeconds());
    json.put("latencyWarmupSeconds", sizes.latencyWarmupSeconds());
    return json;
  }

  private static Map<String, Object> publish(PublishScenario.Result publish) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("herald", runs(publish.herald()));
    json.put("plain", runs(publish.plain()));
    json.put("plainValidated", runs(publish.plainValidated()));
    json.put("ratioToPlain", round(publish.herald().ratioTo(publish.plain())));
    json.put("ratioToPlainValidated", round(publish.herald().ratioTo(publish.plainValidated())));
    return json;
  }

  private static Map<String, Object> consume(ConsumeScenario.Result consume) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("backlog", consume.backlog());
    json.put("plain", runs(consume.plain()));
    json.put("plainValidated", runs(consume.plainValidated()));
    json.put("bare", runs(consume.bare()));
    json.put("heraldNonBlocking", heraldConsume(consume.heraldNonBlocking(), consume));
    json.put("heraldBlocking", heraldConsume(consume.heraldBlocking(), consume));
    return json;
  }

  private static Map<String, Object> heraldConsume(Runs herald, ConsumeScenario.Result consume) {
    Map<String, Object> json = runs(herald);
    json.put("ratioToPlain", round(herald.ratioTo(consume.plain())));
    json.put("ratioToPlainValidated", round(herald.ratioTo(consume.plainValidated())));
    json.put("ratioToBare", round(herald.ratioTo(consume.bare())));
    return json;
  }

  private static Map<String, Object> flood(
      FloodScenario.Result flood, ConsumeScenario.Result consume) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("published", flood.published());
    json.put("deadLettered", flood.deadLettered());
    json.put("deadLetterTopicRecords", flood.deadLetterRecords());
    json.put("reachedHandler", flood.handled());
    json.put("drain", runs(flood.drain()));
    json.put("ratioToValidNonBlocking", round(flood.drain().ratioTo(consume.heraldNonBlocking())));
    json.put("ratioToValidBlocking", round(flood.drain().ratioTo(consume.heraldBlocking())));
    return json;
  }

  /** A figure's median, lowest and highest events/s, and each run. */
  private static Map<String, Object> runs(Runs runs) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("medianPerSecond", Math.round(runs.median()));
    json.put("minPerSecond", Math.round(runs.min()));
    json.put("maxPerSecond", Math.round(runs.max()));
    json.put("failed", runs.failed());
    json.put("runs", runs.runs().stream().map(ResultsJson::throughput).toList());
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

  private static Map<String, Object> latency(LatencyResult latency, BenchmarkResults results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rate", latency.rate());
    json.put("path", latency.receiver().description);
    if (latency.receiver() != Receiver.PLAIN) {
      json.put("blockingHandler", latency.receiver() == Receiver.BLOCKING);
    }
    json.put("measured", latency.measured());
    json.put("recorded", latency.recorded());
    json.put("failed", latency.failed());
    json.put("publishSeconds", round(latency.publishSeconds()));
    json.put("drainSeconds", round(latency.drainSeconds()));
    for (double percentile : List.of(50.0, 90.0, 99.0, 99.9)) {
      json.put("p" + percentileName(percentile) + "Millis", round(latency.millis(percentile)));
    }
    json.put("maxMillis", round(latency.maxMillis()));
    if (latency.receiver() != Receiver.PLAIN) {
      results.p99RatioToPlain(latency).ifPresent(r -> json.put("p99RatioToPlain", round(r)));
    }
    return json;
  }

  private static Map<String, Object> gc(GcPhase phase) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("phase", phase.phase() == null ? "whole run" : phase.phase());
    json.put("wallSeconds", round(phase.wallSeconds()));
    json.put("pauses", phase.pauses());
    json.put("pauseP99Millis", phase.pauseP99Millis());
    json.put("pauseMaxMillis", phase.pauseMaxMillis());
    json.put("pauseMillis", phase.pauseMillis());
    json.put("pauseShare", round(phase.pauseShare()));
    json.put("concurrentCycles", phase.concurrentCycles());
    json.put("concurrentMillis", phase.concurrentMillis());
    return json;
  }

  private static Map<String, Object> memory(BenchmarkResults results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("idleAfterWarmup", results.idle());
    json.put("idleAfterFullGc", results.idleAfterGc());
    json.put("highestPerPhase", results.underLoad());
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
