package dev.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.benchmark.LatencyResult.Receiver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The headline reads each Herald figure against its baselines from the medians of its runs (the
 * latency from the p99s), checks the targets, and is written out as Markdown and JSON.
 */
class ResultsTest {

  private final BenchmarkSizes sizes = BenchmarkSizes.smoke(Path.of("target/unused"));

  @Test
  void theHeadlineComparesMediansAndChecksEveryTarget() {
    BenchmarkResults results = results();

    List<HeadlineRow> headline = results.headline();

    assertThat(results.targets())
        .extracting(HeadlineRow::met)
        .containsExactly(true, false, false, false, true, false, true, true);
    assertThat(headline.get(0).herald()).isEqualTo("600 [500–700]");
    assertThat(headline.get(0).ratio()).isEqualTo("0.60");
    assertThat(headline.get(1).herald()).isEmpty();
    assertThat(headline.get(1).ratio()).isEqualTo("1.20");
    assertThat(headline.get(2).baselineFigure()).isEqualTo("2,000 [1,000–3,000] (1 failed)");
  }

  @Test
  void markdownAndJsonHoldTheHeadlineAndEveryPhase() {
    BenchmarkResults results = results();

    String markdown = ResultsMarkdown.of(results);
    String json = ResultsJson.of(results);

    assertThat(markdown)
        .contains("| scenario | Herald | baseline | baseline figure | ratio | target | met |")
        .contains("| publish (`EventPublisher.publish`) | 600 [500–700] | plain `KafkaProducer`")
        .contains("| consume: Herald, blocking handler | 10.0 | 3 | 9 | 9 | 12.0% | 0 (0) |")
        .contains("| **whole run** |")
        .contains("**no**");
    assertThat(json).contains("\"ratioToBare\"").contains("\"headline\"").contains("\"gc\"");
  }

  @Test
  void theLatencyRowsSetHeraldsP99AgainstThePlainClientsAtTheSameRate() {
    BenchmarkResults results = results();

    HeadlineRow blocking = row(results, "end-to-end p99 at 5,000/s, blocking handler");
    String markdown = ResultsMarkdown.of(results);
    String json = ResultsJson.of(results);

    assertThat(blocking.herald()).isEqualTo("5.0 ms");
    assertThat(blocking.baseline()).isEqualTo(BenchmarkResults.PLAIN_CLIENTS);
    assertThat(blocking.baselineFigure()).isEqualTo("2.0 ms");
    assertThat(blocking.ratio()).isEqualTo("2.50");
    assertThat(blocking.target()).isEqualTo("≤ 10 ms");
    assertThat(blocking.met()).isTrue();
    assertThat(row(results, "end-to-end p99 at 5,000/s, non-blocking handler").ratio())
        .isEqualTo("2.50");
    assertThat(markdown)
        .contains("For latency, the ratio is Herald's p99 over the plain clients'")
        .contains("| 5,000 | blocking handler | 10 | 5.00 | 5.00 | 5.00 | 5.00 | yes |")
        .contains("| 5,000 | plain clients | 10 | 2.00 | 2.00 | 2.00 | 2.00 | yes |");
    assertThat(json)
        .contains("\"path\" : \"plain clients\"")
        .contains("\"p99RatioToPlain\" : 2.499"); // HdrHistogram's 3 digits
  }

  @Test
  void withoutThePlainClientsTheLatencyRowsKeepTheirTargetAndHaveNoRatio() {
    BenchmarkResults results = results(List.of(latency(Receiver.BLOCKING, 5_000_000)));

    HeadlineRow blocking = row(results, "end-to-end p99 at 5,000/s, blocking handler");

    assertThat(blocking.baselineFigure()).isEqualTo("not measured");
    assertThat(blocking.ratio()).isEmpty();
    assertThat(blocking.met()).isTrue();
    assertThat(row(results, "end-to-end p99 at 5,000/s, non-blocking handler").herald())
        .isEqualTo("not measured");
    assertThat(ResultsJson.of(results)).doesNotContain("p99RatioToPlain");
  }

  private static HeadlineRow row(BenchmarkResults results, String scenario) {
    return results.headline().stream()
        .filter(row -> row.scenario().equals(scenario))
        .findFirst()
        .orElseThrow();
  }

  private static LatencyResult latency(Receiver receiver, long nanos) {
    Histogram histogram = new Histogram(3);
    histogram.recordValue(nanos);
    return new LatencyResult(5_000, receiver, 10, 10, 0, 1, 0.1, histogram);
  }

  private BenchmarkResults results() {
    return results(
        List.of(
            latency(Receiver.NON_BLOCKING, 5_000_000),
            latency(Receiver.BLOCKING, 5_000_000),
            latency(Receiver.PLAIN, 2_000_000)));
  }

  private BenchmarkResults results(List<LatencyResult> latency) {
    Runs herald = runs(500, 600, 700);
    Runs plain = runs(900, 1_000, 1_100);
    Runs validated = runs(400, 500, 600);
    Runs consumePlain = new Runs(runs(1_000, 2_000, 3_000).runs(), 1);
    MemorySample memory = new MemorySample(400L << 20, 450L << 20, 100L << 20, 200L << 20, 50L);
    Map<String, MemorySample> underLoad = new LinkedHashMap<>();
    underLoad.put(LatencyScenario.phase(5_000, Receiver.BLOCKING), memory);
    Map<String, Object> machine = new LinkedHashMap<>(Map.of("cores", 2, "cpu", "test"));
    return new BenchmarkResults(
        Instant.EPOCH,
        machine,
        Map.of(),
        sizes,
        new PublishScenario.Result(herald, plain, validated),
        runs(15_000, 20_000, 18_000),
        new ConsumeScenario.Result(
            4_600, herald, runs(100, 200, 300), consumePlain, validated, plain),
        new FloodScenario.Result(200, 200, 0, 200, runs(300, 400, 500)),
        latency,
        memory,
        memory,
        underLoad,
        List.of(
            new GcPhase(ConsumeScenario.BLOCKING, 10, 3, 9, 9, 1_200, 0, 0),
            new GcPhase(null, 100, 30, 9, 12, 2_000, 0, 0)),
        new CpuAccount.Usage(100, 150, 140, 0.05),
        "0.1 0.1 0.1",
        "1.0 1.0 1.0");
  }

  private static Runs runs(double... perSecond) {
    return Runs.of(
        java.util.Arrays.stream(perSecond).mapToObj(r -> new Throughput((long) r, 1, 0)).toList());
  }
}
