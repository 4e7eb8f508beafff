package dev.herald.benchmark;

import dev.herald.benchmark.LatencyResult.Receiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured, with where and how, and the headline: each Herald figure against its
 * baselines of the same run and its target.
 *
 * @param server the server's JVM, versions and effective Kafka and Herald settings
 * @param idle memory after publish, consume and the flood, before and after a full GC
 * @param underLoad the highest memory figures of each phase
 * @param gc each phase's garbage collections, then the whole run's
 */
record BenchmarkResults(
    Instant started,
    Map<String, Object> machine,
    Map<String, Object> server,
    BenchmarkSizes sizes,
    PublishScenario.Result publish,
    Runs restBatch,
    ConsumeScenario.Result consume,
    FloodScenario.Result flood,
    List<LatencyResult> latency,
    MemorySample idle,
    MemorySample idleAfterGc,
    Map<String, MemorySample> underLoad,
    List<GcPhase> gc,
    CpuAccount.Usage cpu,
    String loadAverageAtStart,
    String loadAverageAtEnd) {

  static final double PUBLISH_RATIO = 0.6;
  static final double CONSUME_RATIO = 0.6;
  static final double CONSUME_BLOCKING_RATIO = 0.4;
  static final double BARE_RATIO = 1.0;
  static final double FLOOD_RATIO = 0.5;
  static final double REST_EVENTS_PER_SECOND = 20_000;
  static final double P99_MILLIS = 10;
  static final long RSS_BYTES = 512L * 1024 * 1024;

  static final String PLAIN_PRODUCER = "plain `KafkaProducer`";
  static final String VALIDATING_PRODUCER = "plain `KafkaProducer` + validate + encode";
  static final String PLAIN_CONSUMER = "plain `KafkaConsumer` loop";
  static final String VALIDATING_CONSUMER = "plain `KafkaConsumer` loop + decode + validate";
  static final String BARE_CHANNEL = "bare SmallRye `@Incoming` + decode + validate";
  static final String PLAIN_CLIENTS = "plain `KafkaProducer` → `KafkaConsumer`";

  /** The headline: every comparison and absolute figure, with its target where it has one. */
  List<HeadlineRow> headline() {
    List<HeadlineRow> rows = new ArrayList<>();
    String publish = "publish (`EventPublisher.publish`)";
    rows.add(
        compare(publish, publish().herald(), PLAIN_PRODUCER, publish().plain(), PUBLISH_RATIO));
    rows.add(
        compare("", publish().herald(), VALIDATING_PRODUCER, publish().plainValidated(), null));
    String nonBlocking = "consume + route + ack, non-blocking handler";
    Runs heraldNonBlocking = consume().heraldNonBlocking();
    rows.add(
        compare(nonBlocking, heraldNonBlocking, PLAIN_CONSUMER, consume().plain(), CONSUME_RATIO));
    rows.add(compare("", heraldNonBlocking, VALIDATING_CONSUMER, consume().plainValidated(), null));
    rows.add(compare("", heraldNonBlocking, BARE_CHANNEL, consume().bare(), BARE_RATIO));
    String blocking = "consume + route + ack, blocking handler (the default)";
    Runs heraldBlocking = consume().heraldBlocking();
    rows.add(
        compare(
            blocking, heraldBlocking, PLAIN_CONSUMER, consume().plain(), CONSUME_BLOCKING_RATIO));
    rows.add(compare("", heraldBlocking, VALIDATING_CONSUMER, consume().plainValidated(), null));
    rows.add(compare("", heraldBlocking, BARE_CHANNEL, consume().bare(), null));
    String flood = "invalid flood → dead-letter topic";
    rows.add(
        compare(
            flood,
            flood().drain(),
            "Herald's valid consume, non-blocking handler",
            heraldNonBlocking,
            FLOOD_RATIO));
    rows.add(
        compare(
            "", flood().drain(), "Herald's valid consume, blocking handler", heraldBlocking, null));
    rows.add(
        absolute(
            format(
                "REST batch ingest (`POST /api/events/batch`, %,d per request, %d in flight)",
                sizes.restBatch(), sizes.restConcurrency()),
            figure(restBatch),
            format("≥ %,.0f events/s", REST_EVENTS_PER_SECOND),
            restBatch.runs().isEmpty()
                ? null
                : complete(restBatch) && restBatch.median() >= REST_EVENTS_PER_SECOND));
    int rate = sizes.latencyTargetRate();
    rows.add(p99(rate, Receiver.BLOCKING, format("≤ %.0f ms", P99_MILLIS)));
    rows.add(p99(rate, Receiver.NON_BLOCKING, ""));
    String rssScenario = format("server RSS at %,d/s, blocking handler", rate);
    MemorySample underTarget = underLoad.get(LatencyScenario.phase(rate, Receiver.BLOCKING));
    rows.add(
        underTarget == null
            ? absolute(rssScenario, "not measured", "< 512 MB", null)
            : absolute(
                rssScenario,
                format(
                    "%d MB (highest of the run: %d MB)",
                    underTarget.rssBytes() >> 20, maxRssUnderLoad() >> 20),
                "< 512 MB",
                underTarget.rssBytes() < RSS_BYTES));
    return rows;
  }

  /** The headline lines that have a target. */
  List<HeadlineRow> targets() {
    return headline().stream().filter(HeadlineRow::hasTarget).toList();
  }

  Optional<LatencyResult> latency(int rate, Receiver receiver) {
    return latency.stream().filter(l -> l.rate() == rate && l.receiver() == receiver).findFirst();
  }

  /** Herald's p99 over the plain clients' at the same rate, if both were measured. */
  Optional<Double> p99RatioToPlain(LatencyResult herald) {
    return latency(herald.rate(), Receiver.PLAIN)
        .filter(plain -> plain.histogram().getTotalCount() > 0)
        .map(plain -> herald.millis(99) / plain.millis(99));
  }

  long maxRssUnderLoad() {
    return underLoad.values().stream().mapToLong(MemorySample::rssBytes).max().orElse(0);
  }

  /** Whether a figure was measured as often as planned and nothing failed. */
  boolean complete(Runs runs) {
    return runs.runs().size() == sizes.runs() && runs.failed() == 0;
  }

  /** Median [lowest–highest] events/s, with what is missing. */
  String figure(Runs runs) {
    if (runs.runs().isEmpty()) {
      return "not measured" + (runs.failed() > 0 ? format(" (%,d failed)", runs.failed()) : "");
    }
    String figure = format("%,.0f [%,.0f–%,.0f]", runs.median(), runs.min(), runs.max());
    if (runs.runs().size() != sizes.runs()) {
      figure += format(" (%d of %d runs)", runs.runs().size(), sizes.runs());
    }
    if (runs.failed() > 0) {
      figure += format(" (%,d failed)", runs.failed());
    }
    return figure;
  }

  /**
   * Herald's figure against a baseline; with an empty {@code scenario}, a further baseline of the
   * figure on the line above, which is not repeated.
   */
  private HeadlineRow compare(
      String scenario, Runs herald, String baseline, Runs base, Double target) {
    String rule = target == null ? "" : format("≥ %.1f ×", target);
    double ratio = herald.ratioTo(base);
    Boolean met =
        target == null || base.runs().isEmpty() ? null : complete(herald) && ratio >= target;
    String heraldFigure = scenario.isEmpty() ? "" : figure(herald);
    return new HeadlineRow(
        scenario, heraldFigure, baseline, figure(base), format("%.2f", ratio), rule, met);
  }

  /**
   * Herald's end-to-end p99 with a handler against the plain clients' at the same rate; a target
   * ({@code rule}) applies to Herald's figure alone.
   */
  private HeadlineRow p99(int rate, Receiver handler, String rule) {
    Optional<LatencyResult> herald = latency(rate, handler);
    return new HeadlineRow(
        format("end-to-end p99 at %,d/s, %s", rate, handler.description),
        herald.map(BenchmarkResults::p99).orElse("not measured"),
        PLAIN_CLIENTS,
        latency(rate, Receiver.PLAIN).map(BenchmarkResults::p99).orElse("not measured"),
        herald.flatMap(this::p99RatioToPlain).map(r -> format("%.2f", r)).orElse(""),
        rule,
        rule.isEmpty()
            ? null
            : herald.map(h -> h.complete() && h.millis(99) <= P99_MILLIS).orElse(null));
  }

  private static String p99(LatencyResult latency) {
    return format("%.1f ms", latency.millis(99)) + (latency.complete() ? "" : " (incomplete)");
  }

  private static HeadlineRow absolute(String scenario, String figure, String rule, Boolean met) {
    return new HeadlineRow(scenario, figure, "", "", "", rule, met);
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
