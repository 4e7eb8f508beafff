package dev.herald.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestBroker;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class BatchIT {

  private static final String TYPE = "analytics.user_behavior";
  private static final String TOPIC = TYPE + ".v1";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void validBatchIsStoredWithAResultPerEvent() {
    List<String> ids = List.of(TestEvents.newId(), TestEvents.newId(), TestEvents.newId());
    String batch =
        "["
            + TestEvents.example("chat.message.sent", ids.get(0), "acme")
            + ","
            + TestEvents.example("system.health_check", ids.get(1), "acme")
            + ","
            + TestEvents.example(TYPE, ids.get(2), "acme")
            + "]";

    HttpResponse<String> response = herald.postJson("api/events/batch", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonObject receipt = HeraldClient.json(response.body());
    assertThat(receipt.getInt("accepted")).isEqualTo(3);
    JsonArray results = receipt.getJsonArray("results");
    assertThat(results.stream().map(r -> r.asJsonObject().getString("id")))
        .containsExactlyElementsOf(ids);
    assertThat(results.getJsonObject(1).getString("topic")).isEqualTo("system.health_check.v1");
    assertThat(results.getJsonObject(2).getJsonNumber("offset").longValue()).isNotNegative();
    ids.forEach(herald::awaitOutcome);
  }

  @Test
  void batchWithOneInvalidEventSendsNothing() throws Exception {
    Map<TopicPartition, Long> before = TestKafka.endOffsets(TOPIC);
    String invalid =
        TestEvents.example(TYPE, TestEvents.newId(), "acme")
            .replace(
                TestEvents.exampleData(TYPE, "valid"), TestEvents.exampleData(TYPE, "invalid"));
    String batch =
        "["
            + TestEvents.example(TYPE, TestEvents.newId(), "acme")
            + ","
            + invalid
            + ","
            + TestEvents.example(TYPE, TestEvents.newId(), "acme")
            + "]";

    HttpResponse<String> response = herald.postJson("api/events/batch", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(
            HeraldClient.json(response.body()).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("pointer")))
        .containsExactly("/1/data" + TestEvents.invalidPointer(TYPE));
    assertThat(TestKafka.endOffsets(TOPIC)).isEqualTo(before);
  }

  @Test
  void batchOverTheLimitIsA413Problem() {
    String event = TestEvents.example(TYPE, "same-id", "acme");
    String batch =
        IntStream.range(0, 1001).mapToObj(i -> event).collect(Collectors.joining(",", "[", "]"));

    HttpResponse<String> response = herald.postJson("api/events/batch", batch);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(HeraldClient.json(response.body()).getString("detail"))
        .contains("herald.publish.max-batch-size");
  }

  @Test
  void batchThatIsNotAnArrayIsA400Problem() {
    assertThat(herald.postJson("api/events/batch", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void thousandEventsOfSeveralTenantsArriveInOrderPerTenant() throws Exception {
    try (Admin admin = TestBroker.get().admin()) {
      assertThat(
              admin
                  .describeTopics(List.of(TOPIC))
                  .allTopicNames()
                  .get(10, TimeUnit.SECONDS)
                  .get(TOPIC)
                  .partitions())
          .hasSizeGreaterThan(1);
    }
    String run = TestEvents.newId();
    List<String> tenants = List.of("t-a", "t-b", "t-c", "t-d", "t-e");
    List<String> events = new ArrayList<>();
    Map<String, List<String>> sent = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      String tenant = tenants.get(i % tenants.size());
      String id = run + "-" + i;
      events.add(TestEvents.example(TYPE, id, tenant));
      sent.computeIfAbsent(tenant, t -> new ArrayList<>()).add(id);
    }

    HttpResponse<String> response =
        herald.postJson("api/events/batch", "[" + String.join(",", events) + "]");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

    Map<String, List<String>> handled = new HashMap<>();
    await("1,000 events handled")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              handled.clear();
              JsonArray audit = HeraldClient.jsonArray(herald.get("api/audit?limit=5000").body());
              for (int i = audit.size() - 1; i >= 0; i--) {
                JsonObject entry = audit.getJsonObject(i);
                if (entry.getString("id").startsWith(run)) {
                  handled
                      .computeIfAbsent(entry.getString("tenantid"), t -> new ArrayList<>())
                      .add(entry.getString("id"));
                }
              }
              return handled.values().stream().mapToInt(List::size).sum() == 1000;
            });
    assertThat(handled).isEqualTo(sent);
  }
}
