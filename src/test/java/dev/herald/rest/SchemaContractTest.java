package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.config.EventChannel;
import dev.herald.events.Json;
import dev.herald.schemas.SchemaSource;
import dev.herald.schemas.TestCatalog;
import dev.herald.schemas.TypeSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the schema endpoints and the type listing tell a producer about versions. */
class SchemaContractTest {

  private static final String TYPE = "chat.message.received";
  private static final String V1_ID = "https://herald.dev/schemas/chat.message.received/v1.json";
  private static final String V2_ID = "https://herald.dev/schemas/chat.message.received/v2.json";

  private final TypeSchemas schemas = TestCatalog.load(SchemaSource.classpath("schemas"), TYPE);

  @Test
  void theLatestSchemaSaysItsVersionAndTheAttributeInHeaders() {
    ServedSchema served = ServedSchema.of(schemas, schemas.latest());

    assertThat(served.headers())
        .containsEntry("Herald-Schema-Version", "2")
        .containsEntry("Herald-Schema-Attribute", "schemaversion")
        .containsEntry("Link", "<" + V2_ID + ">; rel=\"canonical\"");
  }

  @Test
  void theServedDocumentIsTheSchemaWithACommentSayingWhatToSend() {
    JsonNode served = Json.MAPPER.readTree(ServedSchema.of(schemas, schemas.latest()).body());
    JsonNode stored = schemas.latest().json();

    assertThat(served.get("$comment").stringValue())
        .isEqualTo(
            "chat.message.received v2 (the latest). Send its data with the CloudEvents attribute"
                + " schemaversion=2 (Kafka header ce_schemaversion: 2) or dataschema="
                + V2_ID
                + ": Herald reads an event with neither as v1.");
    assertThat(List.copyOf(served.propertyNames()).subList(0, 3))
        .containsExactly("$schema", "$id", "$comment");
    assertThat(((ObjectNode) served.deepCopy()).without("$comment")).isEqualTo(stored);
    assertThat(stored.has("$comment")).as("the catalog's schema is left as it is").isFalse();
  }

  @Test
  void anOlderVersionSaysItIsNotTheLatest() {
    ServedSchema served = ServedSchema.of(schemas, schemas.versions().get(1));

    assertThat(served.headers()).containsEntry("Herald-Schema-Version", "1");
    assertThat(served.document().get("$comment").stringValue())
        .startsWith("chat.message.received v1 (the latest is v2). ")
        .contains("schemaversion=1", "dataschema=" + V1_ID);
  }

  @Test
  void aSchemaOfItsOwnKeepsItsCommentAfterOurs() {
    JsonNode withId =
        ServedSchema.withComment(
            Json.MAPPER.readTree("{\"$id\":\"urn:x:v1\",\"$comment\":\"theirs\",\"type\":1}"),
            "ours");
    JsonNode withoutId =
        ServedSchema.withComment(Json.MAPPER.readTree("{\"type\":\"object\"}"), "ours");

    assertThat(withId.toString())
        .isEqualTo("{\"$id\":\"urn:x:v1\",\"$comment\":\"ours theirs\",\"type\":1}");
    assertThat(withoutId.toString()).isEqualTo("{\"$comment\":\"ours\",\"type\":\"object\"}");
  }

  @Test
  void eachListedTypeNamesItsLatestVersionAndHowToSendIt() {
    EventChannel channel =
        new EventChannel(
            TYPE,
            "chat-message-received",
            "chat.message.received.v1",
            "chat.message.received.v1.dlq",
            "herald-chat-message-received",
            "tenantid");

    EventTypesResource.EventType type = EventTypesResource.EventType.of(channel, schemas);

    assertThat(type.versions()).containsExactly(1, 2);
    assertThat(type.latestVersion()).isEqualTo(2);
    assertThat(type.latestSchemaId()).isEqualTo(V2_ID);
    assertThat(type.versionAttribute()).isEqualTo("schemaversion");
    assertThat(type.versionHeader()).isEqualTo("ce_schemaversion");
    assertThat(type.versionIfAbsent()).isEqualTo(1);
  }
}
