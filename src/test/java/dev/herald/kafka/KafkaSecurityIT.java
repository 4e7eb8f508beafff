package dev.herald.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.CrashServer;
import dev.herald.testing.FlakyHandler;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.SecureBroker;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Herald against a broker that only speaks SASL_SSL (SCRAM-SHA-512, a certificate made by the
 * test), configured through environment variables alone, as a container platform hands over
 * secrets: publishing, consuming, readiness and retry topics work through it; a wrong password
 * makes readiness DOWN with the reason, and once the broker accepts the password Herald recovers
 * without a restart.
 */
class KafkaSecurityIT {

  private static final int HTTP_PORT = Integer.getInteger("herald.secure-server.http.port", 19180);
  private static final String ENV_PREFIX = "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_";

  private final SecureBroker broker = SecureBroker.get();
  private final String run = "sasl" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void heraldPublishesConsumesRetriesAndIsReadyThroughSaslSsl() throws Exception {
    String user = run + "-herald";
    String password = secret();
    broker.setPassword(user, password);
    try (CrashServer server = server(user, password)) {
      server.start();
      server.awaitReady();
      HeraldClient herald = new HeraldClient(server.httpPort());

      JsonObject kafka = check(herald.get("health/ready"), "herald-kafka");
      assertThat(kafka.getString("status")).isEqualTo("UP");
      assertThat(kafka.getJsonObject("data").getString("bootstrap.servers"))
          .isEqualTo(broker.bootstrapServers());

      String id = TestEvents.newId();
      publish(herald, TestEvents.chatMessage(id, "acme", ""));
      assertThat(HeraldClient.handlerResult(herald.awaitOutcome(id), "audit").getBoolean("success"))
          .isTrue();

      String retried = TestEvents.newId();
      publish(
          herald,
          TestEvents.example(
              "system.error", retried, "acme", "\"" + FlakyHandler.TRANSIENT_FAILURES + "\":2"));
      List<Long> calls = awaitCalls(herald, retried, 3);
      assertThat(calls.get(2) - calls.get(1)).as("wait on the 2s retry topic").isGreaterThan(2000);
      assertThat(
              HeraldClient.handlerResult(herald.awaitOutcome(retried), "flaky")
                  .getBoolean("success"))
          .isTrue();
      assertThat(records(run + ".system.error.v1.retry.2s")).isEqualTo(1);
    }
  }

  @Test
  void wrongPasswordMakesReadinessDownWithTheReasonAndHeraldRecoversOnceTheBrokerAcceptsIt()
      throws Exception {
    String user = run + "-herald";
    String brokerPassword = secret();
    String heraldPassword = secret();
    broker.setPassword(user, brokerPassword);
    try (CrashServer server = server(user, heraldPassword)) {
      server.start();
      HeraldClient herald = new HeraldClient(server.httpPort());

      // The first check of a cold server may time out before the login fails: wait for the login.
      HttpResponse<String> down =
          awaitKafkaCheck(
              herald,
              "DOWN because of the login",
              kafka -> reason(kafka).contains("authentication failed"));
      assertThat(down.statusCode()).isEqualTo(503);
      String why = reason(check(down, "herald-kafka"));
      assertThat(why).contains("SCRAM-SHA-512").contains("sasl.jaas.config");
      assertThat(down.body()).doesNotContain(heraldPassword).doesNotContain(brokerPassword);
      await("herald-retry-topics DOWN because of the login")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  reason(check(herald.get("health/ready"), "herald-retry-topics"))
                      .contains("authentication failed"));
      HttpResponse<String> refused =
          herald.postJson("api/events", TestEvents.chatMessage(TestEvents.newId(), "acme", ""));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.body()).doesNotContain(heraldPassword);

      long fixedAt = System.nanoTime();
      broker.setPassword(user, heraldPassword);

      awaitKafkaCheck(herald, "UP", kafka -> kafka.getString("status").equals("UP"));
      long kafkaUpMs = (System.nanoTime() - fixedAt) / 1_000_000;
      HttpResponse<String>[] ready = new HttpResponse[1];
      await("every readiness check UP after the fix")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> (ready[0] = herald.get("health/ready")).statusCode() == 200);
      long readyMs = (System.nanoTime() - fixedAt) / 1_000_000;
      // As a client does on 503: publish again until stored (a send may still meet the producer
      // that failed to log in, until it is replaced).
      String id = TestEvents.newId();
      await("a publish accepted after the fix")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  herald.postJson("api/events", TestEvents.chatMessage(id, "acme", "")).statusCode()
                      == 202);
      assertThat(HeraldClient.handlerResult(herald.awaitOutcome(id), "audit").getBoolean("success"))
          .isTrue();
      long handledMs = (System.nanoTime() - fixedAt) / 1_000_000;
      assertThat(logs(server))
          .as("the server's logs (messages, console, FFDC) hold no Kafka secret")
          .doesNotContain(heraldPassword)
          .doesNotContain(brokerPassword)
          .doesNotContain(broker.truststorePassword());
      System.out.printf(
          "KafkaSecurityIT: readiness said \"%s\"; after the fix, herald-kafka UP in %d ms, ready"
              + " in %d ms, an event published and handled in %d ms; liveness %d%n",
          why, kafkaUpMs, readyMs, handledMs, herald.get("health/live").statusCode());
    }
  }

  /**
   * A server whose only Kafka settings are environment variables: the broker, SASL_SSL with
   * SCRAM-SHA-512 as {@code user}, and the broker's truststore. Its own topics and retry group; the
   * system-error channel as the other integration tests configure it (2 attempts in place, then a 2
   * s retry topic).
   */
  private CrashServer server(String user, String password) {
    return new CrashServer(
        HTTP_PORT,
        List.of(
            "herald.topics.prefix=" + run + ".",
            "herald.retry.group-id=" + run + "-retry",
            "herald.retry.system-error.max-attempts=2",
            "herald.retry.system-error.initial-backoff-ms=100",
            "herald.retry.system-error.jitter=0",
            "herald.retry.system-error.topic-delays-ms=2000",
            "mp.messaging.connector.smallrye-kafka.graceful-shutdown=false"),
        Map.of(
            CrashServer.BOOTSTRAP_SERVERS_ENV,
            broker.bootstrapServers(),
            ENV_PREFIX + "SECURITY_PROTOCOL",
            "SASL_SSL",
            ENV_PREFIX + "SASL_MECHANISM",
            SecureBroker.MECHANISM,
            ENV_PREFIX + "SASL_JAAS_CONFIG",
            SecureBroker.jaasConfig(user, password),
            ENV_PREFIX + "SSL_TRUSTSTORE_LOCATION",
            broker.truststore().toAbsolutePath().toString(),
            ENV_PREFIX + "SSL_TRUSTSTORE_PASSWORD",
            broker.truststorePassword(),
            ENV_PREFIX + "SSL_TRUSTSTORE_TYPE",
            "PKCS12"));
  }

  /** Every file of the server's logs directory, as one text. */
  private static String logs(CrashServer server) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.walk(server.dir().resolve("logs"))) {
      for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        text.append(
            java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(text).as("the server wrote logs").isNotEmpty();
    return text.toString();
  }

  private static void publish(HeraldClient herald, String event) {
    HttpResponse<String> response = herald.postJson("api/events", event);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  /** Records written to a topic, read as the broker's admin. */
  private long records(String topic) throws Exception {
    return TestKafka.endOffsets(broker.admin(), topic).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private static List<Long> awaitCalls(HeraldClient herald, String id, int count) {
    List<Long>[] calls = new List[1];
    await("flaky handler called " + count + " times for " + id)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                (calls[0] =
                            HeraldClient.jsonArray(herald.get("api/test/attempts/" + id).body())
                                .stream()
                                .map(v -> ((JsonNumber) v).longValue())
                                .toList())
                        .size()
                    >= count);
    return calls[0];
  }

  /** Waits, while the server starts too, until the herald-kafka check is as expected. */
  private static HttpResponse<String> awaitKafkaCheck(
      HeraldClient herald, String expected, Predicate<JsonObject> check) {
    HttpResponse<String>[] last = new HttpResponse[1];
    await("herald-kafka readiness check " + expected)
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> check.test(check(last[0] = herald.get("health/ready"), "herald-kafka")));
    return last[0];
  }

  private static String reason(JsonObject check) {
    JsonObject data = check.getJsonObject("data");
    return data == null ? "" : data.getString("reason", "");
  }

  private static JsonObject check(HttpResponse<String> health, String name) {
    return HeraldClient.json(health.body()).getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " check in " + health.body()));
  }

  private static String secret() {
    return "pw-" + UUID.randomUUID();
  }
}
