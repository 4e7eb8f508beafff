package dev.herald.events;

import static dev.herald.testing.TestKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class PublishIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void publishedEventIsStoredThenHandled() {
    String id = TestEvents.newId();

    HttpResponse<String> response =
        herald.postJson("api/events", TestEvents.chatMessage(id, "acme", ""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonObject receipt = HeraldClient.json(response.body());
    assertThat(receipt.getString("id")).isEqualTo(id);
    assertThat(receipt.getString("topic")).isEqualTo(TestEvents.TOPIC);
    assertThat(receipt.getJsonNumber("offset").longValue()).isNotNegative();
    assertThat(response.headers().firstValue("Location")).hasValue("/api/events/" + id);

    JsonObject outcome = herald.awaitOutcome(id);
    assertThat(outcome.getString("channel")).isEqualTo("chat-message-received");
    JsonObject audit = HeraldClient.handlerResult(outcome, "audit");
    assertThat(audit.getString("handler")).isEqualTo("audit");
    assertThat(audit.getBoolean("success")).isTrue();
  }

  @Test
  void publishedRecordIsBinaryModeKeyedByTenant() {
    String id = TestEvents.newId();
    herald.postJson("api/events", TestEvents.chatMessage(id, "tenant-42", ""));

    var record =
        TestKafka.awaitRecord(
            TestEvents.TOPIC, r -> TestKafka.header(r, "ce_id").orElse("").equals(id));

    assertThat(record.key()).isEqualTo("tenant-42");
    assertThat(TestKafka.header(record, "ce_type")).hasValue(TestEvents.TYPE);
    assertThat(TestKafka.header(record, "ce_specversion")).hasValue("1.0");
    assertThat(TestKafka.header(record, "ce_tenantid")).hasValue("tenant-42");
    assertThat(TestKafka.header(record, "ce_time")).isPresent();
    assertThat(TestKafka.header(record, "content-type")).hasValue("application/json");
    assertThat(HeraldClient.json(new String(record.value())).getString("messageId")).isEqualTo(id);
  }

  @Test
  void eventProducedWithAPlainKafkaClientIsHandled() {
    String id = TestEvents.newId();
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TestEvents.TOPIC, "acme", utf8(TestEvents.chatMessageData(id)));
    record.headers().add("ce_specversion", utf8("1.0"));
    record.headers().add("ce_id", utf8(id));
    record.headers().add("ce_type", utf8(TestEvents.TYPE));
    record.headers().add("ce_source", utf8("/plain-producer"));
    record.headers().add("content-type", utf8("application/json"));

    TestKafka.send(record);

    JsonObject outcome = herald.awaitOutcome(id);
    assertThat(HeraldClient.handlerResult(outcome, "audit").getBoolean("success")).isTrue();
  }

  @Test
  void structuredModeRecordIsHandled() {
    String id = TestEvents.newId();
    String event =
        """
        {"specversion":"1.0","id":"%s","type":"chat.message.received","source":"/structured",
         "tenantid":"acme","data":%s}"""
            .formatted(id, TestEvents.chatMessageData(id));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TestEvents.TOPIC, "acme", utf8(event));
    record.headers().add("content-type", utf8("application/cloudevents+json; charset=UTF-8"));

    TestKafka.send(record);

    JsonObject outcome = herald.awaitOutcome(id);
    assertThat(HeraldClient.handlerResult(outcome, "audit").getBoolean("success")).isTrue();
  }

  @Test
  void malformedJsonIsA400Problem() {
    HttpResponse<String> response = herald.postJson("api/events", "{\"type\": ");

    assertProblem(response, 400);
    assertThat(HeraldClient.json(response.body()).getString("detail")).contains("not JSON");
  }

  @Test
  void wrongContentTypeIsA415Problem() {
    assertProblem(herald.post("api/events", "text/plain", "hello"), 415);
  }

  @Test
  void invalidEnvelopeIsA422ProblemListingEveryError() {
    HttpResponse<String> response =
        herald.postJson(
            "api/events", "{\"type\":\"chat.message.received\",\"Bad-Name\":1,\"time\":\"noon\"}");

    assertProblem(response, 422);
    assertThat(pointers(response))
        .containsExactlyInAnyOrder("/source", "/data", "/Bad-Name", "/time");
  }

  @Test
  void dataThatBreaksTheSchemaIsA422ProblemWithPointers() {
    String event =
        """
        {"type":"chat.message.received","source":"/t","data":{"messageId":"m","conversationId":"c",
         "userId":"u","channel":"telegram","content":""}}""";

    HttpResponse<String> response = herald.postJson("api/events", event);

    assertProblem(response, 422);
    assertThat(pointers(response)).containsExactlyInAnyOrder("/data/channel", "/data/content");
  }

  @Test
  void oversizedEventIsA413Problem() {
    String content = "x".repeat(1_100_000);

    assertProblem(
        herald.postJson(
            "api/events",
            TestEvents.chatMessage(TestEvents.newId(), "acme", "\"padding\":\"" + content + "\"")),
        413);
  }

  @Test
  void unknownTypeIsA422ProblemNamingTheKnownTypes() {
    HttpResponse<String> response =
        herald.postJson(
            "api/events", "{\"type\":\"chat.message.exploded\",\"source\":\"/t\",\"data\":{}}");

    assertProblem(response, 422);
    assertThat(pointers(response)).containsExactly("/type");
    assertThat(HeraldClient.json(response.body()).getString("detail"))
        .contains("chat.message.exploded")
        .contains("/api/event-types");
  }

  @Test
  void unknownOutcomeIsA404Problem() {
    assertProblem(herald.get("api/events/" + TestEvents.newId()), 404);
  }

  private static java.util.List<String> pointers(HttpResponse<String> problem) {
    return HeraldClient.json(problem.body()).getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("pointer"))
        .toList();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(HeraldClient.json(response.body()).getInt("status")).isEqualTo(status);
  }
}
