package dev.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The headline reads each Herald figure against its baselines from the medians of its runs, checks
 * the targets, and is written out as Markdown and JSON.
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

  private BenchmarkResults results() {
    Runs herald = runs(500, 600, 700);
    Runs plain = runs(900, 1_000, 1_100);
    Runs validated = runs(400, 500, 600);
    Runs consumePlain = new Runs(runs(1_000, 2_000, 3_000).runs(), 1);
    Histogram histogram = new Histogram(3);
    histogram.recordValue(5_000_000);
    MemorySample memory = new MemorySample(400L << 20, 450L << 20, 100L << 20, 200L << 20, 50L);
    Map<String, MemorySample> underLoad = new LinkedHashMap<>();
    underLoad.put(LatencyScenario.phase(5_000, true), memory);
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
        List.of(
            new LatencyResult(5_000, true, 10, 10, 0, 1, 0.1, histogram),
            new LatencyResult(5_000, false, 10, 10, 0, 1, 0.1, histogram)),
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
