package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The packaged WAR carries SmallRye and the Kafka client, never the broker or server APIs. */
class WarContentsIT {

  @Test
  void warBundlesTheConnectorButNotTheBrokerNorTheServersApis() throws IOException {
    List<String> jars;
    try (ZipFile war = new ZipFile(System.getProperty("herald.war", "target/herald.war"))) {
      jars =
          war.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("WEB-INF/lib/"))
              .map(name -> name.substring("WEB-INF/lib/".length()))
              .toList();
    }

    assertThat(jars)
        .anyMatch(jar -> jar.startsWith("smallrye-reactive-messaging-kafka-"))
        .anyMatch(jar -> jar.startsWith("kafka-clients-"))
        .noneMatch(jar -> jar.startsWith("kafka_2.13") || jar.startsWith("kafka-server"))
        .noneMatch(jar -> jar.startsWith("scala-"))
        .noneMatch(jar -> jar.startsWith("log4j-core"))
        .noneMatch(jar -> jar.startsWith("jakarta.enterprise.cdi-api"))
        .noneMatch(jar -> jar.startsWith("jakarta.annotation-api"))
        .noneMatch(jar -> jar.startsWith("microprofile-config-api"))
        .noneMatch(jar -> jar.startsWith("microprofile-health-api"))
        .noneMatch(jar -> jar.startsWith("microprofile-metrics-api"));
  }
}
