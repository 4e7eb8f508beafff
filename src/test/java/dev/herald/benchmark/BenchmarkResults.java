package dev.herald.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one run measured, with where and how.
 *
 * @param server the server's JVM, versions and effective Kafka and Herald settings
 * @param idle memory after the warm-up (publish and consume done), before and after a full GC
 * @param underLoad the highest memory figures of each scenario
 */
record BenchmarkResults(
    Instant started,
    Map<String, Object> machine,
    Map<String, Object> server,
    BenchmarkSizes sizes,
    Comparison publish,
    Throughput restBatch,
    Comparison consume,
    List<LatencyResult> latency,
    MemorySample idle,
    MemorySample idleAfterGc,
    Map<String, MemorySample> underLoad,
    CpuAccount.Usage cpu,
    String loadAverageAtStart,
    String loadAverageAtEnd) {

  static final double RATIO = 0.6;
  static final double REST_EVENTS_PER_SECOND = 20_000;
  static final double P99_MILLIS = 20;
  static final long RSS_BYTES = 512L * 1024 * 1024;

  /** The targets, each against this run's figure. */
  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    targets.add(
        new Target(
            "publish",
            "Herald >= 0.6 x plain producer",
            format("%.2f x", publish.ratio()),
            publish.ratio() >= RATIO));
    targets.add(
        new Target(
            "consume + route + ack",
            "Herald >= 0.6 x plain consumer",
            format("%.2f x", consume.ratio()),
            consume.ratio() >= RATIO));
    targets.add(
        new Target(
            "REST batch ingest",
            ">= 20,000 events/s",
            format("%,.0f events/s", restBatch.perSecond()),
            restBatch.failed() == 0 && restBatch.perSecond() >= REST_EVENTS_PER_SECOND));
    String latencyRule = format("p99 < 20 ms at %,d events/s", sizes.latencyTargetRate());
    targets.add(
        latency.stream()
            .filter(l -> l.rate() == sizes.latencyTargetRate())
            .findFirst()
            .map(
                l ->
                    new Target(
                        "end-to-end latency",
                        latencyRule,
                        format("p99 %.1f ms", l.millis(99)) + (l.complete() ? "" : " (incomplete)"),
                        l.complete() && l.millis(99) < P99_MILLIS))
            .orElse(new Target("end-to-end latency", latencyRule, "not measured", null)));
    long rss = maxRssUnderLoad();
    targets.add(
        new Target(
            "server RSS", "< 512 MB under load", format("%d MB", rss >> 20), rss < RSS_BYTES));
    return targets;
  }

  long maxRssUnderLoad() {
    return underLoad.values().stream().mapToLong(MemorySample::rssBytes).max().orElse(0);
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
