package dev.herald.benchmark;

import dev.herald.testing.HeraldIT;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The full benchmark, run by {@code mvn -Pbenchmark verify} (not by the integration-test suite):
 * writes {@code target/benchmark/results.json} and {@code results.md}. It asserts nothing about
 * speed; the results say which targets were met. Sizes: {@code herald.bench.*} properties.
 */
@HeraldIT
class HeraldBenchmark {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchmarkDeployment.herald();
  }

  @Test
  void measure() throws Exception {
    BenchmarkSizes sizes = BenchmarkSizes.fromSystemProperties();
    BenchmarkResults results = new Benchmark(sizes).run();
    for (Path file : Benchmark.write(results, sizes.output())) {
      System.out.println("Benchmark results: " + file.toAbsolutePath());
    }
    System.out.println(ResultsMarkdown.of(results));
  }
}
