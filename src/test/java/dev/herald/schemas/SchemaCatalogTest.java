package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.Violation;
import dev.herald.events.Json;
import dev.herald.testing.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

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
      assertThat(
              config.getProperty(
                  prefix + "failure-strategy",
                  config.getProperty("mp.messaging.connector.smallrye-kafka.failure-strategy")))
          .isEqualTo("fail");
      assertThat(config.getProperty(prefix + "group.id")).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void validExampleIsAccepted(String type) {
    NavigableMap<Integer, EventSchema> versions = load(type).versions();

    assertThat(versions.firstKey()).isEqualTo(1);
    assertThat(versions.get(1).json().get("$schema").stringValue())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(versions.lastEntry().getValue().validate(data(type, "valid"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void invalidExampleIsRejectedAtItsPointer(String type) {
    List<Violation> violations = load(type).latest().validate(data(type, "invalid"));

    assertThat(violations)
        .extracting(Violation::pointer)
        .containsExactly("/data" + TestEvents.invalidPointer(type));
    assertThat(violations.get(0).detail()).isNotBlank();
  }

  @Test
  void missingRequiredPropertyIsPointedAtByName() {
    List<Violation> violations =
        load("chat.message.received").versions().get(1).validate(Json.MAPPER.readTree("{}"));

    assertThat(violations)
        .extracting(Violation::pointer)
        .contains("/data/messageId", "/data/conversationId", "/data/content");
  }

  @Test
  void chatMessageReceivedV1IsUpcastToAValidV2() {
    TypeSchemas schemas = load("chat.message.received");
    JsonNode v1 = data("chat.message.received", "v1-valid");

    JsonNode v2 = schemas.upcast(1, v1);

    assertThat(schemas.latest().version()).isEqualTo(2);
    assertThat(schemas.versions().get(1).validate(v1)).isEmpty();
    assertThat(schemas.latest().validate(v2)).isEmpty();
    assertThat(v2.get("content").get("text").stringValue())
        .isEqualTo(v1.get("content").stringValue());
  }

  @Test
  void aVersionWithoutAnUpcastStepStopsTheCatalog(@TempDir Path dir) throws IOException {
    write(dir, "t.x.happened/v1.json", OBJECT_WITH_A);
    write(dir, "t.x.happened/v2.json", OBJECT_WITH_A);

    assertThatThrownBy(() -> load(SchemaSource.directory(dir), "t.x.happened"))
        .hasMessageContaining("t.x.happened has v2 but nothing upcasts v1 to v2")
        .hasMessageContaining("v2.upcast.json");
  }

  @Test
  void anIncompatibleVersionStopsTheCatalogNamingTheChange(@TempDir Path dir) throws IOException {
    write(dir, "t.x.happened/v1.json", OBJECT_WITH_A);
    write(
        dir,
        "t.x.happened/v2.json",
        """
        {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},
         "required":["a","b"]}""");
    write(dir, "t.x.happened/v2.upcast.json", "[]");

    assertThatThrownBy(() -> load(SchemaSource.directory(dir), "t.x.happened"))
        .hasMessageStartingWith(
            "t.x.happened v2 breaks the BACKWARD_TRANSITIVE compatibility policy")
        .hasMessageContaining("/b");
  }

  @Test
  void theUpcastMakesABreakingLookingChangeSafe(@TempDir Path dir) throws IOException {
    write(dir, "t.x.happened/v1.json", OBJECT_WITH_A);
    write(
        dir,
        "t.x.happened/v2.json",
        """
        {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},
         "required":["a","b"]}""");
    write(
        dir,
        "t.x.happened/v2.upcast.json",
        "[{\"op\":\"default\",\"path\":\"/b\",\"value\":\"x\"}]");

    assertThat(load(SchemaSource.directory(dir), "t.x.happened").latest().version()).isEqualTo(2);
  }

  private static final String OBJECT_WITH_A =
      """
      {"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""";

  private static void write(Path dir, String file, String content) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  private static TypeSchemas load(String type) {
    return load(SchemaSource.classpath("schemas"), type);
  }

  private static TypeSchemas load(SchemaSource source, String type) {
    return TestCatalog.load(source, type);
  }

  private static JsonNode data(String type, String name) {
    return Json.MAPPER.readTree(TestEvents.exampleData(type, name));
  }
}
