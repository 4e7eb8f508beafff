package dev.herald.examples;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The chat archive example (examples/chat-archive) on the managed Liberty: its own WAR, with
 * Herald's classes jar inside, its own event type, channel, handler and REST resource.
 */
@HeraldIT
class ChatArchiveIT {

  private static final String TYPE = "chat.transcript.archived";
  private static final String TOPIC = "chat.transcript.archived.v1";
  private static final String DLQ = "chat.transcript.archived.v1.dlq";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.chatArchive();
  }

  private final HeraldClient service = new HeraldClient();

  @Test
  void itsHandlerReceivesItsEventFromAPlainKafkaProducer() {
    String id = TestEvents.newId();
    String conversation = "conv-" + id;
    TestKafka.send(
        transcriptRecord(id, data(conversation, "2026-12-01T10:15:30Z", 42, "s3://archive/x.gz")));

    HttpResponse<String>[] found = new HttpResponse[1];
    await("the archive knows conversation " + conversation)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                (found[0] = service.get("api/chat-archive/transcripts/" + conversation))
                        .statusCode()
                    == 200);

    JsonObject transcript = HeraldClient.json(found[0].body());
    assertThat(transcript.getString("eventId")).isEqualTo(id);
    assertThat(transcript.getString("tenantid")).isEqualTo("acme");
    assertThat(transcript.getInt("messageCount")).isEqualTo(42);
    assertThat(transcript.getString("location")).isEqualTo("s3://archive/x.gz");
    JsonObject outcome = service.awaitOutcome(id);
    assertThat(HeraldClient.handlerResult(outcome, "transcript-archive").getBoolean("success"))
        .isTrue();
    assertThat(HeraldClient.handlerResult(outcome, "audit").getBoolean("success")).isTrue();
    assertThat(service.get("api/chat-archive/transcripts/never-archived").statusCode())
        .isEqualTo(404);
  }

  @Test
  void recordBreakingItsSchemaReachesItsDeadLetterTopicWithTheOriginalBytes() {
    String id = TestEvents.newId();
    byte[] poison = utf8(data("conv-" + id, "2026-12-01T10:15:30Z", -1, "s3://archive/y.gz"));
    TestKafka.send(transcriptRecord(id, poison));

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(DLQ, r -> Arrays.equals(r.value(), poison));

    assertThat(dead.key()).isEqualTo("acme");
    assertThat(TestKafka.header(dead, "ce_id")).hasValue(id);
    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("Channel 'chat-transcript-archived' ")
                    .contains("/data/messageCount"));
    assertThat(TestKafka.header(dead, "dead-letter-topic")).hasValue(TOPIC);
    assertThat(TestKafka.header(dead, "herald-failure-kind")).hasValue("rejected");
  }

  @Test
  void heraldCarriesItsOwnTypesAndTheServicesType() {
    String types = service.get("api/event-types").body();

    assertThat(HeraldClient.jsonArray(types).stream().map(t -> t.asJsonObject().getString("type")))
        .startsWith(TestEvents.TYPES.toArray(String[]::new))
        .endsWith(TYPE);
    assertThat(service.get("api/event-types/" + TYPE + "/schema").body())
        .contains("\"title\":\"chat.transcript.archived v1\"");
  }

  private static String data(String conversation, String archivedAt, int count, String location) {
    return "{\"conversationId\":\""
        + conversation
        + "\",\"archivedAt\":\""
        + archivedAt
        + "\",\"messageCount\":"
        + count
        + ",\"location\":\""
        + location
        + "\"}";
  }

  /** Binary content mode, as a service with only a Kafka client writes it (README "On Kafka"). */
  private static ProducerRecord<String, byte[]> transcriptRecord(String id, String data) {
    return transcriptRecord(id, utf8(data));
  }

  private static ProducerRecord<String, byte[]> transcriptRecord(String id, byte[] value) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, "acme", value);
    record.headers().add("ce_specversion", utf8("1.0"));
    record.headers().add("ce_id", utf8(id));
    record.headers().add("ce_type", utf8(TYPE));
    record.headers().add("ce_source", utf8("/chat/archiver"));
    record.headers().add("ce_tenantid", utf8("acme"));
    record.headers().add("content-type", utf8("application/json"));
    return record;
  }
}
