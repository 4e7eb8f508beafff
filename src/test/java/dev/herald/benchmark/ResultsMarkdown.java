package dev.herald.benchmark;

import static dev.herald.benchmark.BenchmarkResults.format;

import java.util.Map;

/**
 * {@code results.md}: the targets first, then each scenario's figures, then where they come from.
 */
final class ResultsMarkdown {

  private final StringBuilder out = new StringBuilder();

  private ResultsMarkdown() {}

  static String of(BenchmarkResults results) {
    return new ResultsMarkdown().write(results);
  }

  private String write(BenchmarkResults r) {
    line("# Herald benchmark");
    line("");
    line(
        format(
            "Run of %s on %s cores (%s), %s. Load average %s at the start, %s at the end; other"
                + " work on the machine used %.0f%% of its CPU during the run.",
            r.started(),
            r.machine().get("cores"),
            r.machine().get("cpu"),
            r.machine().get("os"),
            r.loadAverageAtStart(),
            r.loadAverageAtEnd(),
            r.cpu().otherShare() * 100));
    line("");
    line("## Targets");
    line("");
    line("| target | rule | measured | met |");
    line("|---|---|---|---|");
    for (Target t : r.targets()) {
      String met = t.met() == null ? "not measured" : t.met() ? "yes" : "**no**";
      line("| " + t.name() + " | " + t.rule() + " | " + t.measured() + " | " + met + " |");
    }
    line("");
    line("## Throughput (events/s)");
    line("");
    line("| scenario | Herald | plain Kafka client | ratio |");
    line("|---|---:|---:|---:|");
    comparison("publish (`EventPublisher` vs `KafkaProducer`)", r.publish());
    comparison("consume + route + ack (channel vs `KafkaConsumer` loop)", r.consume());
    line(
        format(
            "| REST batch ingest (`POST /api/events/batch`, %d per request, %d in flight) | %,.0f |"
                + " | |",
            r.sizes().restBatch(), r.sizes().restConcurrency(), r.restBatch().perSecond()));
    line("");
    line("## End-to-end latency (publish to handler)");
    line("");
    line("| rate (events/s) | events | p50 ms | p99 ms | p99.9 ms | max ms | complete |");
    line("|---:|---:|---:|---:|---:|---:|---|");
    for (LatencyResult l : r.latency()) {
      line(
          format(
              "| %,d | %,d | %.2f | %.2f | %.2f | %.2f | %s |",
              l.rate(),
              l.recorded(),
              l.millis(50),
              l.millis(99),
              l.millis(99.9),
              l.maxMillis(),
              l.complete()
                  ? "yes"
                  : format(
                      "no: %d of %d seen, %d failed", l.recorded(), l.measured(), l.failed())));
    }
    line("");
    memory(r);
    facts(r);
    return out.toString();
  }

  private void comparison(String name, Comparison c) {
    line(
        format(
            "| %s | %,.0f | %,.0f | %.2f |",
            name, c.herald().perSecond(), c.plain().perSecond(), c.ratio()));
  }

  private void memory(BenchmarkResults r) {
    line("## Server memory (MB)");
    line("");
    line("| when | RSS | heap used | heap committed |");
    line("|---|---:|---:|---:|");
    memoryRow("idle after warm-up", r.idle());
    memoryRow("idle after a full GC", r.idleAfterGc());
    for (Map.Entry<String, MemorySample> phase : r.underLoad().entrySet()) {
      memoryRow("highest during " + phase.getKey(), phase.getValue());
    }
    line("");
  }

  private void memoryRow(String when, MemorySample m) {
    line(
        format(
            "| %s | %d | %d | %d |",
            when, m.rssBytes() >> 20, m.heapUsedBytes() >> 20, m.heapCommittedBytes() >> 20));
  }

  private void facts(BenchmarkResults r) {
    Map<String, Object> s = r.server();
    line("## Setup");
    line("");
    line(
        format(
            "- Event: `%s`, data %d bytes of JSON, validated against its schema; %,d timed events"
                + " per path after %,d warm-up events.",
            dev.herald.benchmark.server.BenchmarkHandler.TYPE,
            BenchmarkEvents.DATA_BYTES,
            r.sizes().events(),
            r.sizes().warmup()));
    line(
        "- Versions: Open Liberty "
            + s.get("openLiberty")
            + ", SmallRye Reactive Messaging "
            + s.get("smallryeReactiveMessaging")
            + ", Kafka clients "
            + s.get("kafkaClients")
            + ", broker "
            + r.machine().get("broker")
            + ".");
    line("- Server JVM: " + s.get("jdk") + ", options " + s.get("jvmOptions") + ".");
    line("- Herald: " + s.get("herald") + "; topic `" + s.get("topic") + "`.");
    line("- Producer settings (Herald's and the plain producer's): " + s.get("producer") + ".");
    line("- Consumer settings (the plain consumer's): " + s.get("consumer") + ".");
    line(
        "- Everything runs on this one machine: broker, Liberty and the benchmark client share its"
            + " cores.");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
