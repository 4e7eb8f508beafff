package dev.herald.benchmark;

import static dev.herald.benchmark.BenchmarkResults.format;

import java.util.Map;

/**
 * {@code results.md}, as it goes into the README: the headline (each Herald figure against its
 * baselines and its target), then latency, garbage collection per phase, memory, and the machine
 * and settings the figures come from.
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
    headline(r);
    latency(r);
    gc(r);
    memory(r);
    facts(r);
    return out.toString();
  }

  private void headline(BenchmarkResults r) {
    line("## Headline");
    line("");
    line(
        format(
            "Throughput in events/s: the median of %d runs [lowest–highest], all in this run on"
                + " this machine; a ratio is Herald's median over the baseline's. For latency, the"
                + " ratio is Herald's p99 over the plain clients' at the same rate: lower is"
                + " better.",
            r.sizes().runs()));
    line("");
    line("| scenario | Herald | baseline | baseline figure | ratio | target | met |");
    line("|---|---:|---|---:|---:|---|---|");
    for (HeadlineRow row : r.headline()) {
      String met =
          !row.hasTarget() ? "" : row.met() == null ? "not measured" : row.met() ? "yes" : "**no**";
      line(
          "| "
              + String.join(
                  " | ",
                  row.scenario(),
                  row.herald(),
                  row.baseline(),
                  row.baselineFigure(),
                  row.ratio(),
                  row.target(),
                  met)
              + " |");
    }
    line("");
    FloodScenario.Result flood = r.flood();
    line(
        format(
            "Invalid flood: %,d invalid events written, %,d dead-lettered by Herald's count, %,d"
                + " records on the dead-letter topic, %,d reached the handler.",
            flood.published(), flood.deadLettered(), flood.deadLetterRecords(), flood.handled()));
    line("");
  }

  private void latency(BenchmarkResults r) {
    line("## End-to-end latency (publish to handler)");
    line("");
    line(
        "Herald from publish to its handler; the plain clients from `send` to `poll`, the same"
            + " records at the same rate on a topic of their own: what the broker and the Kafka"
            + " clients take on this machine.");
    line("");
    line("| rate (events/s) | path | events | p50 ms | p99 ms | p99.9 ms | max ms | complete |");
    line("|---:|---|---:|---:|---:|---:|---:|---|");
    for (LatencyResult l : r.latency()) {
      line(
          format(
              "| %,d | %s | %,d | %.2f | %.2f | %.2f | %.2f | %s |",
              l.rate(),
              l.receiver().description,
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
  }

  private void gc(BenchmarkResults r) {
    line("## Garbage collection per phase (server)");
    line("");
    line(
        "Stop-the-world pauses from the JVM's collector notifications (whole milliseconds; the"
            + " benchmark profile also keeps the JVM's own log, `gc.log`); concurrent cycles"
            + " (ZGC, Shenandoah) apart.");
    line("");
    line(
        "| phase | seconds | pauses | p99 ms | max ms | time in pauses | concurrent cycles (ms) |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    for (GcPhase phase : r.gc()) {
      line(
          format(
              "| %s | %.1f | %d | %d | %d | %.1f%% | %d (%,d) |",
              phase.phase() == null ? "**whole run**" : phase.phase(),
              phase.wallSeconds(),
              phase.pauses(),
              phase.pauseP99Millis(),
              phase.pauseMaxMillis(),
              phase.pauseShare() * 100,
              phase.concurrentCycles(),
              phase.concurrentMillis()));
    }
    line("");
  }

  private void memory(BenchmarkResults r) {
    line("## Server memory (MB)");
    line("");
    line("| when | RSS | heap used | heap committed | non-heap used |");
    line("|---|---:|---:|---:|---:|");
    memoryRow("idle after publish, consume and the flood", r.idle());
    memoryRow("idle after a full GC", r.idleAfterGc());
    for (Map.Entry<String, MemorySample> phase : r.underLoad().entrySet()) {
      memoryRow("highest during " + phase.getKey(), phase.getValue());
    }
    line("");
  }

  private void memoryRow(String when, MemorySample m) {
    line(
        format(
            "| %s | %d | %d | %d | %d |",
            when,
            m.rssBytes() >> 20,
            m.heapUsedBytes() >> 20,
            m.heapCommittedBytes() >> 20,
            m.nonHeapUsedBytes() >> 20));
  }

  private void facts(BenchmarkResults r) {
    Map<String, Object> s = r.server();
    BenchmarkSizes sizes = r.sizes();
    line("## Setup");
    line("");
    line(
        format(
            "- Event: `%s`, data %d bytes of JSON, validated against its schema.",
            dev.herald.benchmark.server.BenchmarkHandler.TYPE, BenchmarkEvents.DATA_BYTES));
    line(
        format(
            "- Publish: each path %d times, the paths taking turns, each run %,d timed events"
                + " after %,d of warm-up, up to 10,000 in flight. REST: %,d warm-up events, then"
                + " %d runs of %,d.",
            sizes.runs(),
            sizes.events(),
            sizes.warmup(),
            sizes.warmup(),
            sizes.runs(),
            sizes.events()));
    line(
        format(
            "- Consume: every consumer reads the same backlog of %,d records (what publishing"
                + " left), each with a consumer group of its own (the plain loops are assigned the"
                + " partitions from where Herald's group starts); its runs are the last %d windows"
                + " of %,d records, the rest warms up. Herald's blocking handler then reads %,d more, written for"
                + " it. Invalid flood: %,d records, runs of a quarter each.",
            r.consume().backlog(),
            sizes.runs(),
            sizes.consumeWindow(),
            sizes.warmup() + (long) sizes.runs() * sizes.consumeWindow(),
            sizes.floodEvents()));
    line(
        format(
            "- Latency: Herald's publisher at a fixed rate for %d s after %d s of warm-up, then"
                + " the plain clients at each rate (a producer with Herald's settings, a consumer"
                + " with the channel's, on a topic with as many partitions as Herald's, in the"
                + " server's JVM); memory sampled every second.",
            sizes.latencySeconds(), sizes.latencyWarmupSeconds()));
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
    line("- Herald's channel: " + s.get("heraldChannel") + ".");
    line("- Bare SmallRye channel: " + s.get("bareChannel") + ".");
    line("- Producer settings (Herald's and the plain producers'): " + s.get("producer") + ".");
    line("- Consumer settings (the plain consumers'): " + s.get("consumer") + ".");
    line(
        "- Everything runs on this one machine: broker, Liberty and the benchmark client share its"
            + " cores.");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
