package dev.herald.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@HeraldIT
class ChannelControlIT {

  private static final String TYPE = "chat.conversation.ended";
  private static final String CHANNEL = "chat-conversation-ended";
  private static final int EVENTS = 40;
  private static final String STATES = "herald-channel-states";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  /** The channel states' topic is shared by every test: each leaves its channel running. */
  @AfterEach
  void resume() {
    herald.postJson("api/channels/" + CHANNEL + "/resume", "");
  }

  @Test
  void everyChannelIsListedWithItsTopicsAndState() {
    HttpResponse<String> response = herald.get("api/channels");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject channel =
        HeraldClient.jsonArray(response.body()).stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getString("channel").equals("chat-message-received"))
            .findFirst()
            .orElseThrow();
    assertThat(channel.getString("type")).isEqualTo(TestEvents.TYPE);
    assertThat(channel.getString("topic")).isEqualTo(TestEvents.TOPIC);
    assertThat(channel.getString("deadLetterTopic")).isEqualTo(TestEvents.DLQ);
    assertThat(channel.getString("groupId")).isEqualTo("herald-chat-message-received");
    assertThat(channel.getString("state")).isEqualTo("running");
    assertThat(HeraldClient.jsonArray(response.body())).hasSize(TestEvents.TYPES.size());
  }

  @Test
  void aPausedChannelHandlesNothingAndItsLagGrowsThenResumingDrainsIt() {
    String run = "pause-" + TestEvents.newId() + "-";
    HttpResponse<String> paused = herald.postJson("api/channels/" + CHANNEL + "/pause", "");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(HeraldClient.json(paused.body()).getString("state")).isEqualTo("paused");

    herald.publishBatches(TYPE, run, EVENTS, 20);

    await("lag of the paused channel")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> lag() >= EVENTS);
    assertThat(IntStream.range(0, EVENTS))
        .as("events handled while the channel was paused")
        .allSatisfy(
            i -> assertThat(herald.get("api/events/" + run + i).statusCode()).isEqualTo(404));
    JsonObject ready = HeraldClient.json(herald.get("health/ready").body());
    JsonObject check =
        ready.getJsonArray("checks").stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getString("name").equals("herald-channels"))
            .findFirst()
            .orElseThrow();
    assertThat(check.getString("status")).isEqualTo("UP");
    assertThat(check.getJsonObject("data").getString("paused")).contains(CHANNEL);
    assertThat(herald.get("metrics").body().lines())
        .filteredOn(line -> line.startsWith("herald_channel_paused{channel=\"" + CHANNEL + "\""))
        .singleElement()
        .satisfies(line -> assertThat(line).endsWith(" 1.0"));

    HttpResponse<String> resumed = herald.postJson("api/channels/" + CHANNEL + "/resume", "");

    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(HeraldClient.json(resumed.body()).getString("state")).isEqualTo("running");
    for (int i = 0; i < EVENTS; i++) {
      herald.awaitOutcome(run + i);
    }
    await("lag back to 0")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> lag() == 0);
    JsonObject channel = HeraldClient.json(herald.get("api/channels/" + CHANNEL).body());
    assertThat(channel.getString("lastHandled")).isNotBlank();
    assertThat(channel.getJsonArray("partitions")).isNotEmpty();
  }

  @Test
  void aPauseIsStoredInTheChannelStatesTopicWithWhoAndWhen() throws Exception {
    Map<TopicPartition, Long> before = TestKafka.endOffsets(STATES);
    Instant asked = Instant.now().minusSeconds(1);

    HttpResponse<String> paused =
        herald.as(DevUser.OPERATOR).postJson("api/channels/" + CHANNEL + "/pause", "");

    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    ConsumerRecord<String, byte[]> record =
        TestKafka.awaitRecord(
            STATES,
            r ->
                CHANNEL.equals(r.key())
                    && r.offset() >= before.get(new TopicPartition(STATES, r.partition())));
    JsonObject state = HeraldClient.json(new String(record.value(), StandardCharsets.UTF_8));
    assertThat(state.getBoolean("paused")).isTrue();
    assertThat(state.getString("by")).isEqualTo(DevUser.OPERATOR.username());
    assertThat(Instant.parse(state.getString("at"))).isAfterOrEqualTo(asked);
  }

  @Test
  void aRecordAnotherServerWroteToTheTopicPausesAndResumesThisServersChannel() {
    await("the channel running, its state read")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> state().equals("running"));

    TestKafka.send(new ProducerRecord<>(STATES, CHANNEL, state(true)));

    await("the channel paused by the topic")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> state().equals("paused"));

    TestKafka.send(new ProducerRecord<>(STATES, CHANNEL, state(false)));

    await("the channel resumed by the topic")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> state().equals("running"));
  }

  @Test
  void anUnknownChannelIsAProblem() {
    HttpResponse<String> response = herald.postJson("api/channels/no-such-channel/pause", "");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(HeraldClient.json(response.body()).getString("detail")).contains("no-such-channel");
  }

  private String state() {
    return HeraldClient.json(herald.get("api/channels/" + CHANNEL).body()).getString("state");
  }

  private static byte[] state(boolean paused) {
    return TestKafka.utf8(
        "{\"paused\":" + paused + ",\"at\":\"" + Instant.now() + "\",\"by\":\"elsewhere\"}");
  }

  private long lag() {
    JsonObject channel = HeraldClient.json(herald.get("api/channels/" + CHANNEL).body());
    return channel.isNull("lag") ? -1 : channel.getJsonNumber("lag").longValue();
  }
}
