package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.events.Json;
import dev.herald.schemas.upcasting.DeclarativeUpcaster;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Candidate schemas as clients send them to POST /api/schemas/{type}/check, odd ones included. */
class CandidateSchemaTest {

  private static final String TYPE = "chat.message.received";
  private static final SchemaCatalog CATALOG = TestCatalog.catalog(TYPE);
  private static final TypeSchemas SCHEMAS = CATALOG.type(TYPE).orElseThrow();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"$ref\": \"http://example.com/x.json\"}",
        "{\"$ref\": \"https://10.255.255.1/x.json#/a\"}",
        "{\"$ref\": \"file:///etc/passwd\"}",
        "{\"$ref\": \"classpath:schemas/chat.message.received/v1.json\"}",
        "{\"$ref\": \"jar:file:/x.jar!/a.json\"}",
        "{\"$schema\": \"http://example.com/meta\"}",
        "{\"$id\": \"http://example.com/a\", \"$ref\": \"b.json\"}",
        "{\"properties\": {\"a\": {\"$ref\": \"http://example.com/x.json\"}}}",
        "{\"$ref\": 42}"
      })
  void aReferenceToAnotherDocumentIsRefusedWithoutFetchingIt(String candidate) {
    long started = System.nanoTime();

    assertThatThrownBy(() -> CATALOG.check(SCHEMAS, Json.MAPPER.readTree(candidate), null))
        .isInstanceOf(SchemaCatalog.InvalidSchemaException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  static Stream<String> oddCandidates() {
    return Stream.of(
        "{}",
        "{\"$ref\": \"#\"}",
        "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/a\"}}, \"$ref\": \"#/$defs/a\"}",
        "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}},"
            + " \"$ref\": \"#/$defs/a\"}",
        "{\"$ref\": \"#/nope\"}",
        "{\"$ref\": \"#%\"}",
        "{\"$ref\": \"#/$defs/~2\"}",
        "{\"type\": 42}",
        "{\"type\": [\"object\", 42, null]}",
        "{\"type\": \"nonsense\"}",
        "{\"properties\": []}",
        "{\"properties\": {\"a\": 42}}",
        "{\"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": \"a\"}",
        "{\"required\": [1, null, {}]}",
        "{\"items\": 5}",
        "{\"items\": [{}]}",
        "{\"enum\": 5}",
        "{\"enum\": []}",
        "{\"const\": {\"a\": [1]}}",
        "{\"minimum\": \"x\"}",
        "{\"maximum\": 1e999999}",
        "{\"minLength\": -1, \"maxLength\": 1e30}",
        "{\"multipleOf\": 0}",
        "{\"pattern\": \"(\"}",
        "{\"pattern\": 42}",
        "{\"allOf\": {}}",
        "{\"allOf\": [42, null]}",
        "{\"anyOf\": []}",
        "{\"oneOf\": [true, false]}",
        "{\"not\": true}",
        "{\"additionalProperties\": 42}",
        "{\"$id\": 5}",
        "{\"$id\": \"::\"}",
        "{\"$defs\": 5, \"$ref\": \"#/$defs/a\"}",
        "{\"format\": \"nonsense\"}",
        "{\"format\": 42}",
        "{\"if\": 1, \"then\": 2, \"else\": 3}",
        "{\"dependentRequired\": {\"a\": 5}}",
        "{\"properties\": {\"\": {}, \"\\u0000\": {}}}",
        nested("{\"properties\": {\"a\": ", "}}", 240),
        nested("{\"allOf\": [", "]}", 240),
        nested("{\"items\": ", "}", 480));
  }

  /** A verdict, or a refusal as an invalid schema: never another exception. */
  @ParameterizedTest
  @MethodSource("oddCandidates")
  void anOddCandidateGetsAVerdictOrIsAnInvalidSchema(String candidate) {
    JsonNode json = Json.MAPPER.readTree(candidate);
    try {
      assertThat(CATALOG.check(SCHEMAS, json, null)).isNotNull();
    } catch (SchemaCatalog.InvalidSchemaException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "{}",
        "[42]",
        "[null]",
        "[{}]",
        "[{\"op\": 42}]",
        "[{\"op\": \"nonsense\"}]",
        "[{\"op\": \"rename\"}]",
        "[{\"op\": \"rename\", \"from\": 42, \"to\": []}]",
        "[{\"op\": \"rename\", \"from\": \"\", \"to\": \"/a\"}]",
        "[{\"op\": \"add\", \"path\": \"/~9\", \"value\": 1}]",
        "[{\"op\": \"move\", \"from\": \"/a\", \"path\": \"/a/b\"}]"
      })
  void anOddUpcastIsAnIllegalArgument(String operations) {
    JsonNode json = Json.MAPPER.readTree(operations);
    try {
      assertThat(DeclarativeUpcaster.of(TYPE, 2, json)).isNotNull();
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Test
  void aSchemaNestedDeeperThanCompilingCanRecurseIsRefusedBeforeCompiling() {
    // The parser allows 500 levels; compiling 500 levels overflows a thread's stack.
    JsonNode deep = Json.MAPPER.readTree(nested("{\"not\": ", "}", 499));

    assertThatThrownBy(() -> CATALOG.check(SCHEMAS, deep, null))
        .isInstanceOf(SchemaCatalog.InvalidSchemaException.class)
        .hasMessageContaining("nested deeper than 64 levels");
  }

  @Test
  void aSchemaNestedUpToTheLimitIsChecked() {
    JsonNode deep = Json.MAPPER.readTree(nested("{\"not\": ", "}", 63));

    assertThat(SchemaCatalog.depth(deep, 100)).isEqualTo(64);
    assertThat(CATALOG.check(SCHEMAS, deep, null)).isNotNull();
  }

  private static String nested(String open, String close, int depth) {
    return open.repeat(depth) + "{}" + close.repeat(depth);
  }
}
