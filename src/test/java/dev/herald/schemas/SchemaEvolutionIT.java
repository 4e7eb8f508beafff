package dev.herald.schemas;

import static dev.herald.testing.TestKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class SchemaEvolutionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void v1AndV2RecordsOnTheSameTopicReachHandlersAsV2() {
    String v1 = TestEvents.newId();
    String v1ByDataschema = TestEvents.newId();
    String v2 = TestEvents.newId();
    TestKafka.send(record(v1, TestEvents.chatMessageData(v1), "ce_schemaversion", "1"));
    TestKafka.send(
        record(
            v1ByDataschema,
            TestEvents.chatMessageData(v1ByDataschema),
            "ce_dataschema",
            "https://herald.dev/schemas/chat.message.received/v1.json"));
    TestKafka.send(
        record(v2, TestEvents.exampleData(TestEvents.TYPE, "valid"), "ce_schemaversion", "2"));

    for (String id : new String[] {v1, v1ByDataschema, v2}) {
      JsonObject received = awaitReceived(id);
      assertThat(received.getString("schemaversion")).as(id).isEqualTo("2");
      assertThat(received.getJsonObject("data").getJsonObject("content").getString("text"))
          .as(id)
          .isNotBlank();
    }
    assertThat(awaitReceived(v1).getString("dataschema"))
        .isEqualTo("https://herald.dev/schemas/chat.message.received/v2.json");
  }

  @Test
  void publishingWritesTheLatestVersionUnlessAnOlderIsAskedFor() {
    String latest = TestEvents.newId();
    String older = TestEvents.newId();
    herald.postJson("api/events", TestEvents.chatMessage(latest, "acme", ""));
    HttpResponse<String> v1 =
        herald.postJson(
            "api/events",
            """
            {"type":"chat.message.received","source":"/t","id":"%s","schemaversion":"1",
             "data":%s}"""
                .formatted(older, TestEvents.chatMessageData(older)));
    assertThat(v1.statusCode()).as(v1.body()).isEqualTo(202);

    var stored =
        TestKafka.awaitRecord(
            TestEvents.TOPIC, r -> TestKafka.header(r, "ce_id").orElse("").equals(latest));
    assertThat(TestKafka.header(stored, "ce_schemaversion")).hasValue("2");
    var storedOlder =
        TestKafka.awaitRecord(
            TestEvents.TOPIC, r -> TestKafka.header(r, "ce_id").orElse("").equals(older));
    assertThat(TestKafka.header(storedOlder, "ce_schemaversion")).hasValue("1");
    assertThat(awaitReceived(older).getString("schemaversion")).isEqualTo("2");
  }

  @Test
  void unknownDataschemaGoesToTheDeadLetterTopicNamingTheKnownVersions() {
    String id = TestEvents.newId();
    ProducerRecord<String, byte[]> record =
        record(id, TestEvents.chatMessageData(id), "ce_dataschema", "https://example.com/v7.json");
    TestKafka.send(record);

    var dead = TestKafka.awaitRecord(TestEvents.DLQ, r -> Arrays.equals(r.value(), record.value()));

    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("/dataschema: 'https://example.com/v7.json' names no version")
                    .contains("known versions: [1, 2]"));
  }

  @Test
  void catalogListsVersionsAndPolicies() {
    JsonObject chat =
        HeraldClient.jsonArray(herald.get("api/schemas").body()).stream()
            .map(t -> t.asJsonObject())
            .filter(t -> t.getString("type").equals(TestEvents.TYPE))
            .findFirst()
            .orElseThrow();

    assertThat(chat.getJsonArray("versions").toString()).isEqualTo("[1,2]");
    assertThat(chat.getInt("latest")).isEqualTo(2);
    assertThat(chat.getString("policy")).isEqualTo("BACKWARD_TRANSITIVE");
    assertThat(
            HeraldClient.json(herald.get("api/schemas/chat.message.received/versions/1").body())
                .getString("$id"))
        .endsWith("/v1.json");
    assertThat(herald.get("api/schemas/chat.message.received/versions/3").statusCode())
        .isEqualTo(404);
  }

  @Test
  void checkRefusesABreakingChangeAndAcceptsASafeOne() {
    String v2 = herald.get("api/schemas/system.error/versions/1").body();
    String safe =
        v2.replace("\"properties\":{", "\"properties\":{\"traceId\":{\"type\":\"string\"},");
    String breaking = v2.replace("\"required\":[", "\"required\":[\"traceId\",");

    JsonObject accepted =
        HeraldClient.json(herald.postJson("api/schemas/system.error/check", safe).body());
    JsonObject refused =
        HeraldClient.json(herald.postJson("api/schemas/system.error/check", breaking).body());

    assertThat(accepted.getBoolean("compatible")).as(accepted.toString()).isTrue();
    assertThat(accepted.getString("policy")).isEqualTo("BACKWARD_TRANSITIVE");
    assertThat(refused.getBoolean("compatible")).isFalse();
    assertThat(refused.getJsonArray("problems").getJsonObject(0).getString("path"))
        .isEqualTo("/traceId");
    assertThat(herald.postJson("api/schemas/nope.x.happened/check", safe).statusCode())
        .isEqualTo(404);
  }

  private JsonObject awaitReceived(String id) {
    HttpResponse<String>[] last = new HttpResponse[1];
    await("event " + id + " received by handlers")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> (last[0] = herald.get("api/test/received/" + id)).statusCode() == 200);
    return HeraldClient.json(last[0].body());
  }

  private static ProducerRecord<String, byte[]> record(
      String id, String data, String versionHeader, String version) {
    ProducerRecord<String, byte[]> record = TestKafka.chatRecord(id, utf8(data));
    record.headers().add(versionHeader, utf8(version));
    return record;
  }
}
