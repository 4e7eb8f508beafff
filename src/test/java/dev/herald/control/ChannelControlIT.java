package dev.herald.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@HeraldIT
class ChannelControlIT {

  private static final String TYPE = "chat.conversation.ended";
  private static final String CHANNEL = "chat-conversation-ended";
  private static final int EVENTS = 40;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

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
  void anUnknownChannelIsAProblem() {
    HttpResponse<String> response = herald.postJson("api/channels/no-such-channel/pause", "");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(HeraldClient.json(response.body()).getString("detail")).contains("no-such-channel");
  }

  private long lag() {
    JsonObject channel = HeraldClient.json(herald.get("api/channels/" + CHANNEL).body());
    return channel.isNull("lag") ? -1 : channel.getJsonNumber("lag").longValue();
  }
}
