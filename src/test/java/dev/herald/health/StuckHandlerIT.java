package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.HoldingHandler;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A handler stuck on an event. With an attempt timeout ({@code integration-webhook-received}: 500
 * ms, 2 attempts in arquillian.xml) the attempt fails and the channel goes on; without one ({@code
 * integration-api-call}: timeout 0, {@code throttled.unprocessed-record-max-age.ms=3000}) the
 * channel fails, and readiness says which.
 */
@HeraldIT
class StuckHandlerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void aStuckHandlerIsTimedOutDeadLetteredAndTheChannelStaysReady() {
    awaitReady();
    String stuck = TestEvents.newId();
    publish("integration.webhook.received", stuck, 120_000);
    String next = TestEvents.newId();
    publish("integration.webhook.received", next, 0);

    ConsumerRecord<String, byte[]> dead =
        TestKafka.awaitRecord(
            "integration.webhook.received.v1.dlq",
            r -> TestKafka.header(r, "ce_id").orElse("").equals(stuck));

    assertThat(TestKafka.header(dead, "dead-letter-reason"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason).contains("handler 'holding' failed: took longer than 500 ms"));
    assertThat(TestKafka.header(dead, "herald-attempts")).hasValue("2");
    assertThat(
            HeraldClient.handlerResult(herald.awaitOutcome(next), "holding").getBoolean("success"))
        .isTrue();
    assertThat(herald.get("health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void readinessIsDownAndNamesAChannelThatFailed() {
    awaitReady();

    publish("integration.api_call", TestEvents.newId(), 8_000);

    HttpResponse<String>[] down = new HttpResponse[1];
    await("readiness DOWN")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> (down[0] = herald.get("health/ready")).statusCode() == 503);
    assertThat(down[0].body()).contains("\"integration-api-call\":\"[KO]\"");
    assertThat(herald.get("health/live").body()).contains("integration-api-call");
  }

  private void publish(String type, String id, long holdMs) {
    HttpResponse<String> response =
        herald.postJson(
            "api/events",
            TestEvents.example(type, id, "acme", "\"" + HoldingHandler.HOLD_MS + "\":" + holdMs));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private void awaitReady() {
    await("ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> herald.get("health/ready").statusCode() == 200);
  }
}
