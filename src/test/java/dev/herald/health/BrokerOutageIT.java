package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestBroker;
import dev.herald.testing.TestEvents;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@HeraldIT
class BrokerOutageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @AfterEach
  void brokerIsBack() {
    TestBroker.get().start();
  }

  @Test
  void liveStartedAndReadyWithABroker() {
    awaitStatus("health/ready", 200);
    assertThat(herald.get("health/live").statusCode()).isEqualTo(200);
    assertThat(herald.get("health/started").statusCode()).isEqualTo(200);
    assertThat(kafkaCheck(herald.get("health/ready")).getString("status")).isEqualTo("UP");
  }

  @Test
  void readinessIsDownWhileTheBrokerIsAwayAndUpWhenItReturns() {
    awaitStatus("health/ready", 200);

    TestBroker.get().stop();

    HttpResponse<String> down = awaitKafkaCheck("DOWN");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(kafkaCheck(down).getJsonObject("data").getString("reason")).isNotBlank();

    TestBroker.get().start();

    awaitKafkaCheck("UP");
    awaitStatus("health/ready", 200);
    String id = TestEvents.newId();
    HttpResponse<String> published =
        herald.postJson("api/events", TestEvents.chatMessage(id, "acme", ""));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
    assertThat(HeraldClient.handlerResult(herald.awaitOutcome(id), "audit").getBoolean("success"))
        .isTrue();
  }

  private HttpResponse<String> awaitStatus(String path, int status) {
    HttpResponse<String>[] last = new HttpResponse[1];
    await(path + " answering " + status)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> (last[0] = herald.get(path)).statusCode() == status);
    return last[0];
  }

  private HttpResponse<String> awaitKafkaCheck(String status) {
    HttpResponse<String>[] last = new HttpResponse[1];
    await("herald-kafka readiness check " + status)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                kafkaCheck(last[0] = herald.get("health/ready"))
                    .getString("status")
                    .equals(status));
    return last[0];
  }

  private static JsonObject kafkaCheck(HttpResponse<String> health) {
    return HeraldClient.json(health.body()).getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals("herald-kafka"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no herald-kafka check in " + health.body()));
  }
}
