package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.events.Json;
import dev.herald.events.Violation;
import dev.herald.testing.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole catalog: every configured type has schemas that compile and judge examples right. */
class SchemaCatalogTest {

  static List<String> types() {
    return TestEvents.TYPES;
  }

  @Test
  void everyConfiguredTypeIsInTheCatalogAndViceVersa() throws IOException {
    Properties config = new Properties();
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/microprofile-config.properties")) {
      config.load(in);
    }
    List<String> configured =
        Arrays.stream(config.getProperty("herald.event-types").split(","))
            .map(String::trim)
            .toList();

    assertThat(configured).containsExactlyElementsOf(TestEvents.TYPES);
    for (String type : configured) {
      String prefix = "mp.messaging.incoming." + type.replace('.', '-').replace('_', '-') + ".";
      assertThat(config.getProperty(prefix + "topic")).endsWith("}" + type + ".v1");
      assertThat(config.getProperty(prefix + "dead-letter-queue.topic"))
          .endsWith("}" + type + ".v1.dlq");
      assertThat(config.getProperty(prefix + "failure-strategy")).isEqualTo("dead-letter-queue");
      assertThat(config.getProperty(prefix + "group.id")).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void validExampleIsAccepted(String type) {
    NavigableMap<Integer, EventSchema> versions = SchemaCatalog.load(type);

    assertThat(versions.firstKey()).isEqualTo(1);
    assertThat(versions.get(1).json().get("$schema").stringValue())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(versions.lastEntry().getValue().validate(data(type, "valid"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void invalidExampleIsRejectedAtItsPointer(String type) {
    List<Violation> violations = SchemaCatalog.load(type).get(1).validate(data(type, "invalid"));

    assertThat(violations)
        .extracting(Violation::pointer)
        .containsExactly("/data" + TestEvents.invalidPointer(type));
    assertThat(violations.get(0).detail()).isNotBlank();
  }

  @Test
  void missingRequiredPropertyIsPointedAtByName() {
    List<Violation> violations =
        SchemaCatalog.load("chat.message.received").get(1).validate(Json.MAPPER.readTree("{}"));

    assertThat(violations)
        .extracting(Violation::pointer)
        .contains("/data/messageId", "/data/conversationId", "/data/content");
  }

  private static tools.jackson.databind.JsonNode data(String type, String name) {
    return Json.MAPPER.readTree(TestEvents.exampleData(type, name));
  }
}
