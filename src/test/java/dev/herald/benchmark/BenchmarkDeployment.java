package dev.herald.benchmark;

import dev.herald.benchmark.server.BenchmarkHandler;
import java.io.File;
import java.net.URISyntaxException;
import org.HdrHistogram.Recorder;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced plus the benchmark's server part: its handler, the bare SmallRye
 * channel it compares Herald with, its resource, HdrHistogram, and a configuration of its own (a
 * jar's {@code microprofile-config.properties} with a high ordinal).
 */
final class BenchmarkDeployment {

  private BenchmarkDeployment() {}

  static WebArchive herald() {
    File war = new File(System.getProperty("herald.war", "target/herald.war"));
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "herald-benchmark-config.jar")
            .addAsManifestResource(
                "benchmark/microprofile-config.properties", "microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addPackages(
            false,
            path -> !path.get().matches(".*Test(\\$.*)?\\.class"),
            BenchmarkHandler.class.getPackage())
        .addAsLibrary(config)
        .addAsLibrary(jarOf(Recorder.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
