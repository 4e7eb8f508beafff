package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.SwitchedHandler;
import dev.herald.testing.TestEvents;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

@HeraldIT
class DeadLetterOperationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void deadLettersOfAFailingHandlerAreRedrivenOnceEachWhenItRecovers() {
    String name = switchedOn();
    String run = TestEvents.newId() + "-";
    String batch =
        IntStream.range(0, 50)
            .mapToObj(i -> TestEvents.chatMessage(run + i, "tenant-" + (i % 5), switched(name)))
            .collect(Collectors.joining(",", "[", "]"));
    assertThat(herald.postJson("api/events/batch", batch).statusCode()).isEqualTo(202);
    List<JsonObject> dead = awaitEntries(TestEvents.TYPE, name, 50);
    assertThat(dead).allSatisfy(e -> assertThat(e.getBoolean("redriven")).isFalse());
    herald.delete("api/test/switches/" + name);

    String task = startRedrive(TestEvents.TYPE, name);
    JsonObject done = awaitTask(task);

    assertThat(done.getString("state")).as(done.toString()).isEqualTo("completed");
    assertThat(done.getJsonNumber("moved").longValue()).isEqualTo(50);
    assertThat(done.getJsonNumber("skipped").longValue()).isZero();
    await("the handler has all 50 redriven events")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> handled(name).getJsonNumber("distinct").longValue() == 50);
    assertThat(handled(name).getJsonNumber("total").longValue()).isEqualTo(50);
    List<JsonObject> listed = entries(TestEvents.TYPE, name);
    assertThat(listed).hasSize(50);
    assertThat(listed)
        .allSatisfy(
            entry -> {
              assertThat(entry.getBoolean("redriven")).isTrue();
              assertThat(entry.getJsonObject("original").getString("timestamp")).isNotBlank();
              assertThat(entry.getJsonObject("redrive").getString("task")).isEqualTo(task);
              assertThat(entry.getJsonObject("redrive").getString("topic"))
                  .isEqualTo(TestEvents.TOPIC);
            });

    assertThat(herald.get("metrics").body().lines())
        .filteredOn(line -> line.startsWith("herald_dead_letters_redriven{"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .isGreaterThanOrEqualTo(50));

    HttpResponse<String> again =
        herald.postJson("api/dead-letters/" + listed.get(0).getString("id") + "/redrive", "");
    assertProblem(again, 409);

    JsonObject repeated = awaitTask(startRedrive(TestEvents.TYPE, name));
    assertThat(repeated.getString("state")).isEqualTo("completed");
    assertThat(repeated.getJsonNumber("moved").longValue()).isZero();
    assertThat(repeated.getJsonNumber("skipped").longValue()).isEqualTo(50);
    assertThat(handled(name).getJsonNumber("total").longValue()).isEqualTo(50);
  }

  @Test
  void aDeadLetterRedrivenAndDeadLetteredAgainCarriesOneSetOfHeraldHeaders() {
    String name = switchedOn();
    String id = TestEvents.newId();
    assertThat(
            herald
                .postJson("api/events", TestEvents.chatMessage(id, "acme", switched(name)))
                .statusCode())
        .isEqualTo(202);
    JsonObject first = awaitEntries(TestEvents.TYPE, name, 1).get(0);

    JsonObject redriven = redrive(first);
    assertThat(redriven.getString("topic")).isEqualTo(TestEvents.TOPIC);
    assertThat(redriven.getString("id")).isEqualTo(first.getString("id"));
    JsonObject second = awaitEntries(TestEvents.TYPE, name, 2).get(0);
    redrive(second);
    JsonObject third = awaitEntries(TestEvents.TYPE, name, 3).get(0);
    herald.delete("api/test/switches/" + name);

    assertThat(second.getString("redrivenFrom")).isEqualTo(first.getString("id"));
    assertThat(third.getString("redrivenFrom")).isEqualTo(second.getString("id"));
    assertThat(third.getString("eventId")).isEqualTo(id);
    assertThat(third.getJsonObject("original").getString("topic")).isEqualTo(TestEvents.TOPIC);
    Map<String, Long> keys = headerCounts(third);
    assertThat(keys)
        .containsKeys("ce_id", "dead-letter-reason", "herald-failure-kind", "herald-redriven-from")
        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(keys.keySet()).isEqualTo(headerCounts(second).keySet());
    assertThat(third.getJsonArray("failedHandlers").getString(0)).isEqualTo("switched");
  }

  @Test
  void purgeDeletesOlderDeadLettersAndKeepsThoseFromItsStartOn() {
    String type = "analytics.user_behavior";
    String name = switchedOn();
    String run = TestEvents.newId() + "-";
    for (int i = 0; i < 3; i++) {
      publish(TestEvents.example(type, run + "old-" + i, "acme", switched(name)));
    }
    List<JsonObject> old = awaitEntries(type, name, 3);
    Instant before =
        old.stream()
            .map(e -> Instant.parse(e.getString("deadLetteredAt")))
            .max(Instant::compareTo)
            .orElseThrow()
            .plusMillis(1);
    await("the clock passes " + before)
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> Instant.now().isAfter(before));
    for (int i = 0; i < 2; i++) {
      publish(TestEvents.example(type, run + "new-" + i, "acme", switched(name)));
    }
    List<JsonObject> all = awaitEntries(type, name, 5);
    herald.delete("api/test/switches/" + name);

    HttpResponse<String> purged =
        herald.postJson(
            "api/dead-letters/purge", "{\"type\":\"" + type + "\",\"before\":\"" + before + "\"}");

    assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
    JsonObject result = HeraldClient.json(purged.body());
    assertThat(result.getJsonNumber("deleted").longValue()).isGreaterThanOrEqualTo(3);
    assertThat(result.getJsonArray("partitions")).isNotEmpty();
    List<String> newer = ids(all.subList(0, 2));
    assertThat(ids(entries(type, name))).containsExactlyInAnyOrderElementsOf(newer);
    for (JsonObject gone : old) {
      assertProblem(herald.get("api/dead-letters/" + gone.getString("id")), 404);
    }
    assertThat(herald.get("api/dead-letters/" + newer.get(0)).statusCode()).isEqualTo(200);
  }

  @Test
  void badInputIsAProblemThatSaysWhatToChange() {
    assertProblem(herald.get("api/dead-letters?type=chat.message.exploded"), 404);
    assertProblem(
        herald.get("api/dead-letters?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"), 400);
    assertProblem(herald.get("api/dead-letters?from=yesterday"), 400);
    assertProblem(herald.get("api/dead-letters?limit=501"), 400);
    assertProblem(herald.get("api/dead-letters?cursor=not-a-cursor"), 400);
    assertProblem(herald.get("api/dead-letters/chat-message-received-0-999999999"), 404);
    assertProblem(herald.get("api/dead-letters/no-such-channel-0-1"), 404);
    assertProblem(herald.get("api/dead-letters/nonsense"), 404);
    assertProblem(
        herald.postJson("api/dead-letters/chat-message-received-0-999999999/redrive", ""), 404);
    assertProblem(herald.postJson("api/dead-letters/redrive", "{}"), 400);
    assertProblem(herald.postJson("api/dead-letters/redrive", "{\"type\":\"no.such\"}"), 404);
    assertProblem(
        herald.postJson(
            "api/dead-letters/redrive",
            "{\"type\":\"" + TestEvents.TYPE + "\",\"from\":\"2026-13-01T00:00:00Z\"}"),
        400);
    assertProblem(
        herald.postJson("api/dead-letters/purge", "{\"type\":\"" + TestEvents.TYPE + "\"}"), 400);
    assertProblem(herald.get("api/tasks/no-such-task"), 404);
  }

  private String switchedOn() {
    String name = "switch-" + UUID.randomUUID();
    assertThat(herald.put("api/test/switches/" + name).statusCode()).isEqualTo(204);
    return name;
  }

  private static String switched(String name) {
    return "\"" + SwitchedHandler.SWITCH + "\":\"" + name + "\"";
  }

  private void publish(String event) {
    HttpResponse<String> response = herald.postJson("api/events", event);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private JsonObject handled(String name) {
    return HeraldClient.json(herald.get("api/test/switches/" + name).body());
  }

  private JsonObject redrive(JsonObject entry) {
    HttpResponse<String> response =
        herald.postJson("api/dead-letters/" + entry.getString("id") + "/redrive", "");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return HeraldClient.json(response.body());
  }

  private String startRedrive(String type, String reason) {
    HttpResponse<String> started =
        herald.postJson(
            "api/dead-letters/redrive",
            "{\"type\":\"" + type + "\",\"reason\":\"" + reason + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String task = HeraldClient.json(started.body()).getString("id");
    assertThat(started.headers().firstValue("Location"))
        .hasValue(herald.base().resolve("api/tasks/" + task).toString());
    return task;
  }

  private JsonObject awaitTask(String task) {
    JsonObject[] last = new JsonObject[1];
    await("task " + task + " ends")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                !(last[0] = HeraldClient.json(herald.get("api/tasks/" + task).body()))
                    .getString("state")
                    .equals("running"));
    return last[0];
  }

  /** Waits until {@code count} dead letters of a type have {@code reason}; newest first. */
  private List<JsonObject> awaitEntries(String type, String reason, int count) {
    List<JsonObject> found = new ArrayList<>();
    await(count + " dead letters with reason " + reason)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              found.clear();
              found.addAll(entries(type, reason));
              return found.size() >= count;
            });
    assertThat(found).hasSize(count);
    return found;
  }

  /** Every dead letter of a type with {@code reason}, page by page, newest first. */
  private List<JsonObject> entries(String type, String reason) {
    List<JsonObject> entries = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> response =
          herald.get(
              "api/dead-letters?type="
                  + type
                  + "&reason="
                  + reason
                  + "&limit=20"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonObject page = HeraldClient.json(response.body());
      page.getJsonArray("entries").forEach(entry -> entries.add(entry.asJsonObject()));
      cursor = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
    } while (cursor != null);
    return entries;
  }

  private static Map<String, Long> headerCounts(JsonObject entry) {
    return entry.getJsonArray("headers").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.groupingBy(h -> h.getString("key"), Collectors.counting()));
  }

  private static List<String> ids(List<JsonObject> entries) {
    return entries.stream().map(e -> e.getString("id")).toList();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(HeraldClient.json(response.body()).getString("detail")).isNotBlank();
  }
}
