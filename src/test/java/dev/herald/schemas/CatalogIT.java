package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class CatalogIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void everyTypeRoundTripsFromRestThroughKafkaToItsHandlers() {
    Map<String, String> ids = new HashMap<>();
    for (String type : TestEvents.TYPES) {
      String id = TestEvents.newId();
      HttpResponse<String> response =
          herald.postJson("api/events", TestEvents.example(type, id, "tenant-rt"));
      assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(202);
      assertThat(HeraldClient.json(response.body()).getString("topic")).isEqualTo(type + ".v1");
      ids.put(type, id);
    }

    for (String type : TestEvents.TYPES) {
      JsonObject outcome = herald.awaitOutcome(ids.get(type));
      assertThat(outcome.getString("type")).isEqualTo(type);
      assertThat(outcome.getString("channel")).isEqualTo(type.replace('.', '-').replace('_', '-'));
      assertThat(outcome.getJsonArray("results").stream().map(r -> r.asJsonObject()))
          .as(type)
          .isNotEmpty()
          .allSatisfy(result -> assertThat(result.getBoolean("success")).isTrue());
      assertThat(HeraldClient.handlerResult(outcome, "analytics").getBoolean("success")).isTrue();
    }
    assertThat(
            HeraldClient.handlerResult(herald.awaitOutcome(ids.get("system.error")), "notification")
                .getBoolean("success"))
        .isTrue();

    JsonObject analytics = HeraldClient.json(herald.get("api/analytics").body());
    JsonObject stats = HeraldClient.json(herald.get("api/stats").body()).getJsonObject("types");
    for (String type : TestEvents.TYPES) {
      assertThat(analytics.getJsonObject(type).getJsonNumber("tenant-rt").longValue()).isPositive();
      assertThat(stats.getJsonObject(type).getJsonNumber("published").longValue()).isPositive();
      assertThat(stats.getJsonObject(type).getJsonNumber("consumed").longValue()).isPositive();
    }
    assertThat(herald.get("api/notifications").body()).contains(ids.get("system.error"));
  }

  @Test
  void eventTypesListTopicsDeadLetterTopicsAndVersions() {
    JsonArray types = HeraldClient.jsonArray(herald.get("api/event-types").body());

    assertThat(types.stream().map(t -> t.asJsonObject().getString("type")))
        .containsExactlyElementsOf(TestEvents.TYPES);
    JsonObject first = types.getJsonObject(0);
    assertThat(first.getString("topic")).isEqualTo("chat.message.received.v1");
    assertThat(first.getString("deadLetterTopic")).isEqualTo("chat.message.received.v1.dlq");
    assertThat(first.getJsonArray("versions")).containsExactly(jsonInt(1), jsonInt(2));
    assertThat(first.getInt("latestVersion")).isEqualTo(2);
  }

  @Test
  void schemaOfATypeIsServed() {
    HttpResponse<String> response = herald.get("api/event-types/system.error/schema");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/schema+json");
    JsonObject schema = HeraldClient.json(response.body());
    assertThat(schema.getString("$id")).endsWith("/system.error/v1.json");
    assertThat(schema.getJsonArray("required").toString()).contains("errorCode");
  }

  @Test
  void unknownTypeOrVersionIsA404Problem() {
    HttpResponse<String> unknownType = herald.get("api/event-types/chat.message.exploded/schema");
    HttpResponse<String> unknownVersion =
        herald.get("api/event-types/system.error/schema?version=9");

    for (HttpResponse<String> response : new HttpResponse[] {unknownType, unknownVersion}) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(HeraldClient.json(unknownVersion.body()).getString("detail"))
        .contains("known versions: [1]");
  }

  private static JsonValue jsonInt(int value) {
    return jakarta.json.Json.createValue(value);
  }
}
