package dev.herald.replay;

import static dev.herald.testing.TestKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.HoldingHandler;
import dev.herald.testing.ReplayBystander;
import dev.herald.testing.ReplayWitness;
import dev.herald.testing.ReplayedEvents;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays over REST against the running server and broker: records are written with known
 * timestamps (as any producer may), so that a time range selects exactly them; all of a run's
 * records have one key, so the topic's other partitions have nothing in the range.
 */
@HeraldIT
class ReplayIT {

  private static final String GROUP = "herald-chat-message-received";

  /** {@link HoldingHandler}'s name. */
  private static final String HOLDING = "holding";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void aTimeRangeReachesOnlyTheChosenHandlerWithExactlyItsEventsAndLeavesTheGroupAlone()
      throws Exception {
    String run = TestEvents.newId();
    long base = System.currentTimeMillis();
    send(run, "before", base, "");
    for (int i = 0; i < 5; i++) {
      send(run, "in-" + i, base + 10 + i, "");
    }
    send(run, "after", base + 100, "");
    Map<TopicPartition, Long> committed = awaitLiveGroupSettled();

    HttpResponse<String> started =
        herald.postJson(
            "api/replays",
            """
            {"type": "%s", "from": "%s", "to": "%s", "handler": "%s"}"""
                .formatted(TestEvents.TYPE, time(base + 10), time(base + 14), ReplayWitness.NAME));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = HeraldClient.json(started.body()).getString("id");
    assertThat(started.headers().firstValue("Location"))
        .hasValue(herald.base().resolve("api/replays/" + id).toString());
    JsonObject status = awaitEnd(id);
    assertThat(status.getString("state")).isEqualTo("completed");
    assertThat(replayed(ReplayWitness.NAME, run))
        .containsExactly(run + "-in-0", run + "-in-1", run + "-in-2", run + "-in-3", run + "-in-4");
    assertThat(replayed(ReplayBystander.NAME, run)).isEmpty();
    JsonObject counts = status.getJsonObject("counts");
    assertThat(counts.getInt("read")).isEqualTo(5);
    assertThat(counts.getInt("handled")).isEqualTo(5);
    assertThat(counts.getInt("failed")).isZero();
    var partitions = status.getJsonArray("partitions").getValuesAs(JsonObject.class);
    assertThat(partitions).hasSize(3).allMatch(p -> p.getBoolean("done"));
    assertThat(
            partitions.stream()
                .filter(
                    p ->
                        p.getJsonNumber("start").longValue() == p.getJsonNumber("end").longValue()))
        .as("partitions with nothing in the range are empty, not failed")
        .hasSize(2);
    assertThat(TestKafka.committed(GROUP, TestEvents.TOPIC)).isEqualTo(committed);
    assertThat(herald.get("api/replays").body()).contains(id);
    assertThat(herald.get("metrics").body().lines())
        .filteredOn(line -> line.startsWith("herald_replay_events{"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .isGreaterThanOrEqualTo(5));
  }

  @Test
  void eventsWrittenWhileAReplayRunsAreNotReplayed() throws Exception {
    String run = TestEvents.newId();
    long base = System.currentTimeMillis();
    send(run, "in-0", base + 10, ",\"" + HoldingHandler.HOLD_MS + "\":1500");
    send(run, "in-1", base + 11, "");
    awaitLiveGroupSettled();

    HttpResponse<String> started =
        herald.postJson(
            "api/replays",
            """
            {"type": "%s", "from": "%s", "handlers": ["%s", "%s"]}"""
                .formatted(TestEvents.TYPE, time(base + 10), HOLDING, ReplayWitness.NAME));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(HeraldClient.json(started.body()).getString("state")).isEqualTo("running");
    send(run, "during", System.currentTimeMillis(), "");

    String id = HeraldClient.json(started.body()).getString("id");
    assertThat(awaitEnd(id).getString("state")).isEqualTo("completed");
    assertThat(replayed(ReplayWitness.NAME, run)).containsExactly(run + "-in-0", run + "-in-1");
  }

  @Test
  void aSecondReplayToTheSameHandlerIsRefusedWhileTheFirstRunsAndACancelStopsIt() throws Exception {
    String run = TestEvents.newId();
    long base = System.currentTimeMillis();
    send(run, "slow", base + 10, ",\"" + HoldingHandler.HOLD_MS + "\":5000");
    awaitLiveGroupSettled();
    String body =
        """
        {"type": "%s", "from": "%s", "to": "%s", "handler": "%s"}"""
            .formatted(TestEvents.TYPE, time(base + 10), time(base + 10), HOLDING);

    HttpResponse<String> first = herald.postJson("api/replays", body);
    HttpResponse<String> second = herald.postJson("api/replays", body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    String id = HeraldClient.json(first.body()).getString("id");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(HeraldClient.json(second.body()).getString("detail")).contains(id);

    HttpResponse<String> cancelled = herald.delete("api/replays/" + id);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(HeraldClient.json(cancelled.body()).getString("state")).isEqualTo("cancelled");
    HttpResponse<String> again = herald.postJson("api/replays", body);
    assertThat(again.statusCode())
        .as("another replay to the handler may start once the first ended: " + again.body())
        .isEqualTo(202);
    assertThat(
            herald
                .delete("api/replays/" + HeraldClient.json(again.body()).getString("id"))
                .statusCode())
        .isEqualTo(200);
  }

  static Stream<Arguments> badRequests() {
    String from = "\"from\": \"2026-11-25T10:00:00Z\"";
    return Stream.of(
        Arguments.of("{\"type\": \"chat.message.exploded\", " + from + "}", 404, "No event type"),
        Arguments.of(
            "{\"type\": \"" + TestEvents.TYPE + "\", " + from + ", \"handler\": \"nobody\"}",
            404,
            "No handler named 'nobody'"),
        Arguments.of(
            "{\"type\": \""
                + TestEvents.TYPE
                + "\", \"from\": \"2026-11-25T11:00:00Z\", \"to\": \"2026-11-25T10:00:00Z\"}",
            400,
            "inverted"),
        Arguments.of(
            "{\"type\": \"" + TestEvents.TYPE + "\", \"from\": \"last tuesday\"}",
            400,
            "not an RFC 3339 time"),
        Arguments.of("{\"type\": \"" + TestEvents.TYPE + "\"}", 400, "Give a time range"),
        Arguments.of(
            "{\"type\": \""
                + TestEvents.TYPE
                + "\", \"offsets\": {\"0\": {\"from\": 0, \"to\":"
                + " 999999999}}}",
            400,
            "is not written yet"),
        Arguments.of("{\"type\": ", 400, ""));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("badRequests")
  void badInputIsAProblemThatSaysWhatToChange(String body, int status, String detail) {
    HttpResponse<String> response = herald.postJson("api/replays", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(HeraldClient.json(response.body()).getString("detail")).contains(detail);
  }

  @Test
  void anUnknownReplayIsNotFound() {
    HttpResponse<String> response = herald.get("api/replays/no-such-replay");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  /** A chat.message.received record of the run, with a timestamp, keyed acme like the others. */
  private static void send(String run, String name, long timestamp, String extraData) {
    String id = run + "-" + name;
    String data = TestEvents.chatMessageData(id).trim();
    data =
        data.substring(0, data.length() - 1)
            + ",\""
            + ReplayedEvents.RUN
            + "\":\""
            + run
            + "\""
            + extraData
            + "}";
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TestEvents.TOPIC, null, timestamp, "acme", utf8(data));
    TestKafka.chatRecord(id, record.value()).headers().forEach(record.headers()::add);
    TestKafka.send(record);
  }

  /**
   * Waits until the live group committed every record of the topic (all handled), and returns its
   * offsets.
   */
  private static Map<TopicPartition, Long> awaitLiveGroupSettled() {
    Map<TopicPartition, Long>[] committed = new Map[1];
    await("the live group commits every record of " + TestEvents.TOPIC)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              committed[0] = TestKafka.committed(GROUP, TestEvents.TOPIC);
              return TestKafka.endOffsets(TestEvents.TOPIC).entrySet().stream()
                  .filter(end -> end.getValue() > 0)
                  .allMatch(end -> end.getValue().equals(committed[0].get(end.getKey())));
            });
    return committed[0];
  }

  private JsonObject awaitEnd(String id) {
    JsonObject[] status = new JsonObject[1];
    await("replay " + id + " ends")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                !(status[0] = HeraldClient.json(herald.get("api/replays/" + id).body()))
                    .getString("state")
                    .equals("running"));
    return status[0];
  }

  private List<String> replayed(String handler, String run) {
    return HeraldClient.jsonArray(herald.get("api/test/replayed/" + handler + "/" + run).body())
        .getValuesAs(JsonString.class)
        .stream()
        .map(JsonString::getString)
        .toList();
  }

  private static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
