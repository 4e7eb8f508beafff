package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class MetricsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void prometheusEndpointShowsChannelsHandlersAndLag() {
    String id = TestEvents.newId();
    herald.postJson("api/events", TestEvents.chatMessage(id, "acme", ""));
    herald.awaitOutcome(id);

    await("consumer lag gauge reported")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                herald
                    .get("metrics")
                    .body()
                    .contains("herald_consumer_lag{channel=\"chat-message-received\""));
    String metrics = herald.get("metrics").body();

    assertThat(metrics)
        .contains("mp_messaging_message_count_total{channel=\"chat-message-received\"")
        .containsPattern("herald_events_published_total\\{.*type=\"chat.message.received\"")
        .containsPattern(
            "herald_events_consumed_total\\{channel=\"chat-message-received\".*type=\"chat.message.received\"")
        .containsPattern(
            "herald_handler_duration_seconds_count\\{handler=\"audit\".*outcome=\"success\"")
        .contains("herald_handler_duration_seconds_bucket")
        .contains("herald_dead_letter_records{channel=\"chat-message-received\"")
        .contains("herald_broker_up");
    assertThat(metrics).doesNotContain(id);
  }

  @Test
  void statsAreTheMetricsCountersReadBack() {
    String id = TestEvents.newId();
    herald.postJson("api/events", TestEvents.chatMessage(id, "acme", ""));
    herald.awaitOutcome(id);

    await("/api/stats and /metrics agree")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonObject type =
                  HeraldClient.json(herald.get("api/stats").body())
                      .getJsonObject("types")
                      .getJsonObject("chat.message.received");
              String metrics = herald.get("metrics").body();
              assertThat(type.getJsonNumber("published").longValue())
                  .isPositive()
                  .isEqualTo(
                      sum(metrics, "herald_events_published_total", "chat.message.received"));
              assertThat(type.getJsonNumber("consumed").longValue())
                  .isPositive()
                  .isEqualTo(sum(metrics, "herald_events_consumed_total", "chat.message.received"));
            });
    JsonObject audit =
        HeraldClient.json(herald.get("api/stats").body())
            .getJsonObject("handlers")
            .getJsonObject("audit");
    assertThat(audit.getJsonNumber("successes").longValue()).isPositive();
    assertThat(audit.getJsonNumber("meanMillis").doubleValue()).isPositive();
  }

  /** The sum of a counter's Prometheus samples whose tags name {@code type}. */
  private static long sum(String metrics, String counter, String type) {
    Matcher samples =
        Pattern.compile(
                "^" + counter + "\\{[^}]*type=\"" + Pattern.quote(type) + "\"[^}]*} ([0-9.eE+]+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    double sum = 0;
    while (samples.find()) {
      sum += Double.parseDouble(samples.group(1));
    }
    return (long) sum;
  }
}
