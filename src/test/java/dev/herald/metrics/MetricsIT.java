package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.FlakyHandler;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
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

  /**
   * Every metric the Grafana dashboard and the Prometheus alert rules query is on {@code /metrics}
   * once the server has seen the traffic they watch: a publish and its handling, a rejected record,
   * a retry, a webhook delivery. Names are compared exactly as Prometheus looks them up.
   */
  @Test
  void everyMetricTheDashboardAndTheAlertRulesQueryIsOnMetrics() throws Exception {
    Set<String> queried = ObservabilityFiles.queriedMetrics();
    assertThat(queried).contains("herald_ready", "herald_publish_duration_seconds_bucket");
    HeraldClient operator = herald.as(DevUser.OPERATOR);
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String tenant = TestEvents.newId();
    HttpResponse<String> registered =
        operator.postJson(
            "api/webhooks",
            """
            {"url": "http://127.0.0.1:%d/hook", "types": ["chat.*"], "tenantid": "%s"}"""
                .formatted(receiver.getAddress().getPort(), tenant));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String endpoint = HeraldClient.json(registered.body()).getString("id");
    try {
      awaitWebhookConsumerAssigned();
      String id = TestEvents.newId();
      assertThat(herald.postJson("api/events", TestEvents.chatMessage(id, tenant, "")).statusCode())
          .isEqualTo(202);
      herald.awaitOutcome(id);
      ProducerRecord<String, byte[]> poison =
          new ProducerRecord<>(TestEvents.TOPIC, "acme", TestKafka.utf8("not an event"));
      poison.headers().add("ce_id", TestKafka.utf8(TestEvents.newId()));
      TestKafka.send(poison);
      String retried = TestEvents.newId();
      assertThat(
              herald
                  .postJson(
                      "api/events",
                      TestEvents.example(
                          "system.error",
                          retried,
                          "acme",
                          "\"" + FlakyHandler.TRANSIENT_FAILURES + "\":2"))
                  .statusCode())
          .isEqualTo(202);

      await("every metric the dashboard and the alert rules query is on /metrics")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () ->
                  assertThat(PromQl.missing(queried, herald.get("metrics").body()))
                      .as("queried by observability/ but not on /metrics")
                      .isEmpty());
      assertThat(herald.get("metrics").body())
          .containsPattern("herald_ready\\{check=\"herald-kafka\".*} 1")
          .containsPattern(
              "herald_consumer_partition_lag\\{channel=\"chat-message-received\".*partition=\"0\"")
          .containsPattern(
              "herald_publish_duration_seconds_bucket\\{.*outcome=\"success\".*type=\"chat.message.received\"")
          .as("the publish buckets of microprofile-config.properties, 2 ms and 25 ms among them")
          .containsPattern("herald_publish_duration_seconds_bucket\\{[^}]*le=\"0.002\"")
          .containsPattern("herald_publish_duration_seconds_bucket\\{[^}]*le=\"0.025\"");
    } finally {
      operator.delete("api/webhooks/" + endpoint);
      receiver.stop(0);
    }
  }

  /**
   * The webhook delivery consumer reads from the latest offset when its group has none: wait until
   * it holds the chat topic's partitions, so that the event published next is delivered.
   */
  private static void awaitWebhookConsumerAssigned() {
    await("the webhook delivery consumer holds the chat topic")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () ->
                TestKafka.committed("herald-webhooks", TestEvents.TOPIC)
                    .keySet()
                    .equals(TestKafka.endOffsets(TestEvents.TOPIC).keySet()));
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
