package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.FlakyHandler;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Retry topics of the {@code system-error} channel, as arquillian.xml configures them: 2 attempts
 * in place 100 ms apart, then {@code system.error.v1.retry.2s}, then {@code
 * system.error.v1.retry.3s}, then the dead-letter topic.
 */
@HeraldIT
class RetryTopicIT {

  private static final String TYPE = "system.error";
  private static final String TOPIC = "system.error.v1";
  private static final String GROUP = "herald-system-error";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void failureThatOutlastsInPlaceRetriesWaitsOnARetryTopicWhileTheChannelFlowsThenSucceeds()
      throws Exception {
    Map<TopicPartition, Long> deadBefore = TestKafka.endOffsets(TOPIC + ".dlq");
    String id = TestEvents.newId();
    JsonObject receipt = publish(id, 3);
    String next = TestEvents.newId();
    publish(next, 0);

    List<Long> calls = awaitCalls(id, 4);

    assertThat(calls.get(1) - calls.get(0)).isGreaterThanOrEqualTo(90);
    assertThat(calls.get(2) - calls.get(1)).as("wait on the 2s retry topic").isGreaterThan(2000);
    Instant nextHandled = Instant.parse(herald.awaitOutcome(next).getString("handledAt"));
    assertThat(nextHandled.toEpochMilli())
        .as("the next event of the channel did not wait for the retried one")
        .isLessThan(calls.get(2));
    ConsumerRecord<String, byte[]> original =
        TestKafka.awaitRecord(TOPIC, r -> TestKafka.header(r, "ce_id").orElse("").equals(id));
    ConsumerRecord<String, byte[]> retry =
        TestKafka.awaitRecord(
            TOPIC + ".retry.2s", r -> TestKafka.header(r, "ce_id").orElse("").equals(id));
    assertThat(retry.value()).isEqualTo(original.value());
    assertThat(retry.key()).isEqualTo(original.key());
    assertThat(TestKafka.header(retry, "herald-retry-stage")).hasValue("1");
    assertThat(TestKafka.header(retry, "herald-origin-topic")).hasValue(TOPIC);
    assertThat(TestKafka.header(retry, "herald-origin-offset"))
        .hasValue(Long.toString(receipt.getJsonNumber("offset").longValue()));
    assertThat(TestKafka.header(retry, "herald-attempts")).hasValue("2");
    JsonObject flaky = HeraldClient.handlerResult(herald.awaitOutcome(id), "flaky");
    assertThat(flaky.getBoolean("success")).isTrue();
    await("channel group committed to the log end")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> TestKafka.committed(GROUP, TOPIC).equals(nonEmpty(TestKafka.endOffsets(TOPIC))));
    assertThat(TestKafka.endOffsets(TOPIC + ".dlq")).isEqualTo(deadBefore);
  }

  @Test
  void failureThatOutlastsEveryStageIsDeadLetteredWithItsWholeHistory() {
    String id = TestEvents.newId();
    JsonObject receipt = publish(id, 100);

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(
            TOPIC + ".dlq", r -> TestKafka.header(r, "ce_id").orElse("").equals(id));

    ConsumerRecord<String, byte[]> original =
        TestKafka.awaitRecord(TOPIC, r -> TestKafka.header(r, "ce_id").orElse("").equals(id));
    assertThat(Arrays.equals(dead.value(), original.value())).isTrue();
    assertThat(dead.key()).isEqualTo(original.key());
    assertThat(TestKafka.header(dead, "ce_type")).hasValue(TYPE);
    assertThat(TestKafka.header(dead, "herald-failure-kind")).hasValue("failed");
    assertThat(TestKafka.header(dead, "herald-failed-handlers")).hasValue("flaky");
    assertThat(TestKafka.header(dead, "herald-attempts")).hasValue("6");
    assertThat(TestKafka.header(dead, "herald-retry-stage")).hasValue("2");
    assertThat(TestKafka.header(dead, "herald-retry-due")).isEmpty();
    assertThat(TestKafka.header(dead, "dead-letter-topic")).hasValue(TOPIC);
    assertThat(TestKafka.header(dead, "dead-letter-offset"))
        .hasValue(Long.toString(receipt.getJsonNumber("offset").longValue()));
    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("handler 'flaky' failed"));
    Instant first = Instant.parse(TestKafka.header(dead, "herald-first-failure").orElseThrow());
    Instant last = Instant.parse(TestKafka.header(dead, "herald-last-failure").orElseThrow());
    assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofSeconds(5));
    assertThat(awaitCalls(id, 6)).hasSize(6);
  }

  @Test
  void aRecordDueOnARetryTopicOfAPausedChannelWaitsUntilTheChannelIsResumed() {
    String id = TestEvents.newId();
    publish(id, 3);
    TestKafka.awaitRecord(
        TOPIC + ".retry.2s", r -> TestKafka.header(r, "ce_id").orElse("").equals(id));
    assertThat(herald.postJson("api/channels/system-error/pause", "").statusCode()).isEqualTo(200);
    try {
      await("no call while the channel is paused, well past the 2 s stage's due time")
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(6))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> calls(id).size() == 2);
    } finally {
      assertThat(herald.postJson("api/channels/system-error/resume", "").statusCode())
          .isEqualTo(200);
    }
    long resumedAt = System.currentTimeMillis();

    List<Long> calls = awaitCalls(id, 4);

    assertThat(calls.get(2))
        .as("the retry's call came after the resume")
        .isGreaterThanOrEqualTo(resumedAt - 50);
    JsonObject flaky = HeraldClient.handlerResult(herald.awaitOutcome(id), "flaky");
    assertThat(flaky.getBoolean("success")).isTrue();
  }

  private static Map<TopicPartition, Long> nonEmpty(Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, Long> written = new java.util.HashMap<>(offsets);
    written.values().removeIf(offset -> offset == 0);
    return written;
  }

  private JsonObject publish(String id, int transientFailures) {
    HttpResponse<String> response =
        herald.postJson(
            "api/events",
            TestEvents.example(
                TYPE,
                id,
                "acme",
                "\"" + FlakyHandler.TRANSIENT_FAILURES + "\":" + transientFailures));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return HeraldClient.json(response.body());
  }

  /** The times of the flaky handler's calls for an event, epoch milliseconds. */
  private List<Long> calls(String id) {
    return HeraldClient.jsonArray(herald.get("api/test/attempts/" + id).body()).stream()
        .map(v -> ((JsonNumber) v).longValue())
        .toList();
  }

  private List<Long> awaitCalls(String id, int count) {
    List<Long>[] calls = new List[1];
    await("flaky handler called " + count + " times for " + id)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> (calls[0] = calls(id)).size() >= count);
    return calls[0];
  }
}
