package dev.herald.routing;

import static dev.herald.testing.TestKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.FailOnRequestHandler;
import dev.herald.testing.FlakyHandler;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@HeraldIT
class DeadLetterIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  /** A poison record: its ce_* headers (null drops one), its value, and what the reason says. */
  static Stream<Arguments> poison() {
    String id = "{id}";
    Map<String, String> good =
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            id,
            "ce_type",
            TestEvents.TYPE,
            "ce_source",
            "/tests");
    String data = TestEvents.chatMessageData(id);
    return Stream.of(
        Arguments.of(
            "not an object",
            good,
            "[\"" + id + "\"]",
            "/data: must be a JSON object, got a JSON array"),
        Arguments.of(
            "missing ce_id",
            without(good, "ce_id"),
            data,
            "missing required CloudEvents header ce_id"),
        Arguments.of(
            "missing ce_type",
            without(good, "ce_type"),
            data,
            "missing required CloudEvents header ce_type"),
        Arguments.of(
            "type of another channel",
            with(good, "ce_type", "chat.message.sent"),
            data,
            "carries 'chat.message.received' events but event "
                + id
                + " has type 'chat.message.sent'"),
        Arguments.of(
            "unknown schema version",
            with(good, "ce_schemaversion", "99"),
            data,
            "/schemaversion: '99' names no version of chat.message.received; known versions: [1, 2]"),
        Arguments.of(
            "unknown type",
            with(good, "ce_type", "chat.message.exploded"),
            data,
            "has type 'chat.message.exploded'"),
        Arguments.of(
            "oversized",
            good,
            data.replace("\"hello\"", "\"" + "x".repeat(250_000) + "\""),
            "rejected a record of 250"),
        Arguments.of(
            "schema-invalid data",
            good,
            data.replace("\"web\"", "\"telegram\"").replace("\"hello\"", "\"\""),
            "/data/channel: "),
        Arguments.of(
            "v2 data from a producer that sends no schemaversion",
            good,
            data.replace("\"hello\"", "{\"text\":\"hello\"}"),
            "read as v1 because ce_schemaversion is absent; the data matches v2: send"
                + " ce_schemaversion=2"),
        Arguments.of(
            "structured mode without id",
            Map.of("content-type", "application/cloudevents+json"),
            "{\"specversion\":\"1.0\",\"type\":\"chat.message.received\",\"source\":\"/s\",\"data\":"
                + data
                + "}",
            "missing required CloudEvents attribute id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poison")
  void poisonGoesToTheDeadLetterTopicWithAPreciseReasonAndTheNextEventIsHandled(
      String kind, Map<String, String> headers, String value, String reason) {
    String id = TestEvents.newId();
    byte[] poison = utf8(value.replace("{id}", id));
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestEvents.TOPIC, "acme", poison);
    headers.forEach((key, text) -> record.headers().add(key, utf8(text.replace("{id}", id))));
    TestKafka.send(record);
    String next = TestEvents.newId();
    herald.postJson("api/events", TestEvents.chatMessage(next, "acme", ""));

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(TestEvents.DLQ, r -> Arrays.equals(r.value(), poison));

    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .as(kind)
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .startsWith("Channel 'chat-message-received' ")
                    .contains(reason.replace("{id}", id)));
    assertThat(HeraldClient.handlerResult(herald.awaitOutcome(next), "audit").getBoolean("success"))
        .isTrue();
  }

  @Test
  void recordThatIsNotUtf8GoesToTheDeadLetterTopic() {
    String id = TestEvents.newId();
    byte[] poison =
        (new String(
                    new byte[] {(byte) 0xC3, (byte) 0x28},
                    java.nio.charset.StandardCharsets.ISO_8859_1)
                + id)
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    TestKafka.send(TestKafka.chatRecord(id, poison));

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(TestEvents.DLQ, r -> Arrays.equals(r.value(), poison));

    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("record value is not UTF-8 text"));
    assertThat(TestKafka.header(dead, "herald-failure-kind")).hasValue("rejected");
  }

  @Test
  void transientHandlerFailureIsRetriedWithGrowingBackoffAndNotDeadLettered() {
    String id = TestEvents.newId();
    herald.postJson(
        "api/events",
        TestEvents.chatMessage(id, "acme", "\"" + FlakyHandler.TRANSIENT_FAILURES + "\":2"));

    JsonObject outcome = herald.awaitOutcome(id);

    JsonObject flaky = HeraldClient.handlerResult(outcome, "flaky");
    assertThat(flaky.getBoolean("success")).isTrue();
    assertThat(flaky.getInt("attempts")).isEqualTo(3);
    List<Long> calls =
        HeraldClient.jsonArray(herald.get("api/test/attempts/" + id).body()).stream()
            .map(v -> ((jakarta.json.JsonNumber) v).longValue())
            .toList();
    assertThat(calls).hasSize(3);
    // initial-backoff-ms=200, multiplier=2, jitter=0.1 (arquillian.xml)
    assertThat(calls.get(1) - calls.get(0)).isGreaterThanOrEqualTo(180);
    assertThat(calls.get(2) - calls.get(1)).isGreaterThanOrEqualTo(360);
    assertThat(herald.get("metrics?scope=application").body())
        .containsPattern(
            "herald_handler_duration_seconds_count\\{handler=\"flaky\".*outcome=\"failure\".*\\} 2.0");
  }

  private static Map<String, String> without(Map<String, String> headers, String key) {
    Map<String, String> copy = new java.util.HashMap<>(headers);
    copy.remove(key);
    return copy;
  }

  private static Map<String, String> with(Map<String, String> headers, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(headers);
    copy.put(key, value);
    return copy;
  }

  @Test
  void recordThatIsNotJsonGoesToTheDeadLetterTopicIntactAndTheChannelKeepsFlowing() {
    String id = TestEvents.newId();
    byte[] poison = utf8("not json at all " + id);
    TestKafka.send(TestKafka.chatRecord(id, poison));
    String next = TestEvents.newId();
    herald.postJson("api/events", TestEvents.chatMessage(next, "acme", ""));

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(TestEvents.DLQ, r -> Arrays.equals(r.value(), poison));

    assertThat(dead.key()).isEqualTo("acme");
    assertThat(TestKafka.header(dead, "ce_id")).hasValue(id);
    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("chat-message-received")
                    .contains("record value is not JSON"));
    assertThat(TestKafka.header(dead, "dead-letter-topic")).hasValue(TestEvents.TOPIC);
    assertThat(HeraldClient.handlerResult(herald.awaitOutcome(next), "audit").getBoolean("success"))
        .isTrue();
    assertThat(herald.get("metrics?scope=application").body())
        .containsPattern(
            "herald_events_dead_lettered_total\\{channel=\"chat-message-received\".*reason=\"rejected\"");
  }

  @Test
  void eventAHandlerFailsGoesToTheDeadLetterTopicWithTheHandlersMessage() {
    String id = TestEvents.newId();
    herald.postJson(
        "api/events",
        TestEvents.chatMessage(
            id,
            "acme",
            "\"" + FailOnRequestHandler.FAIL_WITH + "\":\"inventory service said no\""));

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(
            TestEvents.DLQ, r -> TestKafka.header(r, "ce_id").orElse("").equals(id));

    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("handler 'fail-on-request' failed: inventory service said no")
                    .doesNotContain("InvocationTargetException"));
    assertThat(TestKafka.header(dead, "dead-letter-exception-class-name"))
        .hasValue(HandlingFailedException.class.getName());
    assertThat(TestKafka.header(dead, "herald-failure-kind")).hasValue("failed");
    assertThat(TestKafka.header(dead, "herald-failed-handlers")).hasValue("fail-on-request");
    assertThat(TestKafka.header(dead, "herald-attempts")).hasValue("1");
    assertThat(TestKafka.header(dead, "herald-first-failure")).isPresent();
    assertThat(TestKafka.header(dead, "herald-last-failure")).isPresent();
    assertThat(TestKafka.header(dead, "dead-letter-offset")).isPresent();
    assertThat(TestKafka.header(dead, "ce_id")).hasValue(id);
    assertThat(HeraldClient.json(new String(dead.value())).getString("messageId")).isEqualTo(id);

    var outcome = herald.awaitOutcome(id);
    assertThat(
            outcome.getJsonArray("results").stream()
                .map(r -> r.asJsonObject().getString("handler")))
        .contains("audit", "analytics", "fail-on-request");
    assertThat(HeraldClient.handlerResult(outcome, "fail-on-request").getBoolean("success"))
        .isFalse();
    assertThat(HeraldClient.handlerResult(outcome, "audit").getBoolean("success")).isTrue();
    assertThat(herald.get("metrics?scope=application").body())
        .containsPattern(
            "herald_events_dead_lettered_total\\{channel=\"chat-message-received\".*reason=\"failed\"")
        .containsPattern(
            "herald_handler_duration_seconds_count\\{handler=\"fail-on-request\".*outcome=\"failure\"");
  }
}
