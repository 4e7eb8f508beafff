package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The packaged WAR carries SmallRye and the Kafka client, never the broker or server APIs. */
class WarContentsIT {

  private static final String HERALD_WAR = System.getProperty("herald.war", "target/herald.war");

  @Test
  void warBundlesTheConnectorButNotTheBrokerNorTheServersApis() throws IOException {
    List<String> jars = jars(HERALD_WAR);

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

  @Test
  void warIsABeanArchiveThroughItsClasses() throws IOException {
    try (ZipFile war = new ZipFile(HERALD_WAR)) {
      assertThat(war.getEntry("WEB-INF/classes/META-INF/beans.xml")).isNotNull();
    }
  }

  @Test
  void exampleServiceBundlesHeraldsClassesJarAndExactlyHeraldsLibraries() throws IOException {
    String example = System.getProperty("herald.example.war");
    List<String> jars = jars(example);

    assertThat(jars).anyMatch(jar -> jar.matches("herald-.+-classes\\.jar"));
    assertThat(jars.stream().filter(jar -> !jar.matches("herald-.+-classes\\.jar")))
        .as("the example's libraries besides Herald's classes jar, against Herald's WAR")
        .containsExactlyInAnyOrderElementsOf(jars(HERALD_WAR));
    try (ZipFile war = new ZipFile(example)) {
      assertThat(war.getEntry("WEB-INF/classes/META-INF/microprofile-config.properties"))
          .isNotNull();
      assertThat(war.getEntry("WEB-INF/classes/schemas/chat.transcript.archived/v1.json"))
          .isNotNull();
    }
  }

  private static List<String> jars(String path) throws IOException {
    try (ZipFile war = new ZipFile(path)) {
      return war.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
          .map(name -> name.substring("WEB-INF/lib/".length()))
          .toList();
    }
  }
}
