package dev.herald.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(results.publish().herald().events()).isEqualTo(sizes.events());
    assertThat(results.publish().plain().events()).isEqualTo(sizes.events());
    assertThat(results.publish().herald().failed() + results.publish().plain().failed()).isZero();
    assertThat(results.restBatch().events()).isEqualTo(sizes.events());
    assertThat(results.restBatch().failed()).isZero();
    long backlog = 3L * (sizes.warmup() + sizes.events());
    assertThat(results.consume().plain().events()).isEqualTo(backlog - sizes.warmup());
    assertThat(results.consume().herald().events()).isEqualTo(backlog - sizes.warmup());
    assertThat(results.consume().herald().failed() + results.consume().plain().failed()).isZero();
    assertThat(results.latency())
        .singleElement()
        .satisfies(l -> assertThat(l.recorded()).isEqualTo(l.measured()).isPositive());
    assertThat(results.idle().rssBytes()).isPositive();
    assertThat(results.targets()).hasSize(5);
    for (Path file : Benchmark.write(results, sizes.output())) {
      assertThat(Files.size(file)).as(file.toString()).isPositive();
    }
  }
}
