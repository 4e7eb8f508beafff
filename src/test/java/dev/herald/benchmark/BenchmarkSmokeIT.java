package dev.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.benchmark.LatencyResult.Receiver;
import dev.herald.testing.HeraldIT;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark working: every scenario with a few hundred events. Asserts counts and that
 * the results were written, never timings.
 */
@HeraldIT
class BenchmarkSmokeIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchmarkDeployment.herald();
  }

  @Test
  void everyScenarioRunsAndWritesItsResults() throws Exception {
    BenchmarkSizes sizes = BenchmarkSizes.smoke(Path.of("target/benchmark-smoke"));

    BenchmarkResults results = new Benchmark(sizes).run();

    PublishScenario.Result publish = results.publish();
    assertComplete(PublishScenario.HERALD, publish.herald(), sizes, sizes.events());
    assertComplete(PublishScenario.PLAIN, publish.plain(), sizes, sizes.events());
    assertComplete(PublishScenario.VALIDATED, publish.plainValidated(), sizes, sizes.events());
    assertComplete("REST batch", results.restBatch(), sizes, sizes.events());
    long published = 3L * sizes.runs() * (sizes.warmup() + sizes.events());
    long rest = sizes.warmup() + (long) sizes.runs() * sizes.events();
    ConsumeScenario.Result consume = results.consume();
    assertThat(consume.backlog()).isEqualTo(published + rest);
    assertComplete("consume: plain", consume.plain(), sizes, sizes.consumeWindow());
    assertComplete(
        "consume: plain + validate", consume.plainValidated(), sizes, sizes.consumeWindow());
    assertComplete("consume: bare SmallRye", consume.bare(), sizes, sizes.consumeWindow());
    assertComplete(
        "consume: Herald non-blocking", consume.heraldNonBlocking(), sizes, sizes.consumeWindow());
    assertComplete(
        "consume: Herald blocking", consume.heraldBlocking(), sizes, sizes.consumeWindow());
    FloodScenario.Result flood = results.flood();
    // Every invalid record is on the dead-letter topic once; the metric read to time the drain
    // counted a few more in one run on the shared test server (not explained yet).
    assertThat(flood.deadLetterRecords()).isEqualTo(sizes.floodEvents());
    assertThat(flood.deadLettered()).isGreaterThanOrEqualTo(sizes.floodEvents());
    assertThat(flood.handled()).isZero();
    assertComplete("flood drain", flood.drain(), sizes, sizes.floodEvents() / (sizes.runs() + 1));
    assertThat(results.latency())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l.recorded()).isEqualTo(l.measured()).isPositive())
        .extracting(LatencyResult::receiver)
        .containsExactly(Receiver.NON_BLOCKING, Receiver.BLOCKING, Receiver.PLAIN);
    assertThat(results.idle().rssBytes()).isPositive();
    assertThat(results.gc()).isNotEmpty().last().satisfies(g -> assertThat(g.phase()).isNull());
    assertThat(results.targets()).hasSize(8);
    for (Path file : Benchmark.write(results, sizes.output())) {
      assertThat(Files.size(file)).as(file.toString()).isPositive();
    }
  }

  /**
   * Every run of a path measured, each of {@code events}, nothing failed (the server's log says
   * with what the first failed send of a run failed).
   */
  private static void assertComplete(String path, Runs runs, BenchmarkSizes sizes, long events) {
    assertThat(runs.failed()).as("%s: sends or reads that failed", path).isZero();
    assertThat(runs.runs())
        .as(path)
        .hasSize(sizes.runs())
        .allSatisfy(run -> assertThat(run.events()).isEqualTo(events));
  }
}
