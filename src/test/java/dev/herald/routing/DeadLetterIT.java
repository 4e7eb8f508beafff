package dev.herald.routing;

import static dev.herald.testing.TestKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.FailOnRequestHandler;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class DeadLetterIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void recordThatIsNotJsonGoesToTheDeadLetterTopicIntactAndTheChannelKeepsFlowing() {
    String id = TestEvents.newId();
    byte[] poison = utf8("not json at all " + id);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestEvents.TOPIC, "acme", poison);
    record.headers().add("ce_specversion", utf8("1.0"));
    record.headers().add("ce_id", utf8(id));
    record.headers().add("ce_type", utf8(TestEvents.TYPE));
    record.headers().add("ce_source", utf8("/tests"));
    TestKafka.send(record);
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
    assertThat(
            herald
                .awaitOutcome(next)
                .getJsonArray("results")
                .getJsonObject(0)
                .getBoolean("success"))
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
    assertThat(HeraldClient.json(new String(dead.value())).getString("messageId")).isEqualTo(id);

    var outcome = herald.awaitOutcome(id);
    assertThat(
            outcome.getJsonArray("results").stream()
                .map(r -> r.asJsonObject().getString("handler")))
        .containsExactlyInAnyOrder("audit", "fail-on-request");
    assertThat(herald.get("metrics?scope=application").body())
        .containsPattern(
            "herald_events_dead_lettered_total\\{channel=\"chat-message-received\".*reason=\"failed\"")
        .containsPattern(
            "herald_handler_duration_seconds_count\\{handler=\"fail-on-request\".*outcome=\"failure\"");
  }
}
