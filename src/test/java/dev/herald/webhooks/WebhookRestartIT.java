package dev.herald.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.testing.BrokerExtension;
import dev.herald.testing.CrashServer;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook deliveries across a crash, and an endpoint that keeps failing, on a server of their own
 * (its own endpoints and pending topics and groups, so that no other server shares its work): the
 * retry schedule is 8 s then 1 s, and an endpoint failing for 6 s is disabled.
 */
@ExtendWith(BrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRestartIT {

  private static final Duration DELIVERY = Duration.ofSeconds(90);

  private final String run = "webhook-restart-" + UUID.randomUUID();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private HttpServer receiver;
  private CrashServer server;
  private HeraldClient herald;
  private HeraldClient operator;

  @BeforeAll
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // the first request of each path fails, the others succeed
    receiver.createContext("/once", exchange -> answer(exchange, call(exchange) == 1 ? 500 : 204));
    receiver.createContext("/down", exchange -> answer(exchange, 503));
    receiver.start();
    server =
        new CrashServer(
            9180,
            List.of(
                "herald.webhooks.allowed-cidrs=127.0.0.0/8",
                "herald.webhooks.retry-schedule=8s,1s",
                "herald.webhooks.disable-after=6s",
                "herald.webhooks.topic=" + run + "-endpoints",
                "herald.webhooks.pending-topic=" + run + "-pending",
                "herald.webhooks.group-id=" + run + "-delivery",
                "herald.webhooks.sender-group-id=" + run + "-senders",
                // the killed server's group members expire sooner, the stop does not linger
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms=6000",
                "mp.messaging.connector.smallrye-kafka.graceful-shutdown=false"));
    server.start();
    herald = new HeraldClient(server.httpPort());
    operator = herald.as(DevUser.OPERATOR);
    server.awaitReady();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    receiver.stop(0);
  }

  @Test
  void aRetryPendingWhenTheServerIsKilledIsMadeAfterItsRestartOnce() throws Exception {
    String tenant = TestEvents.newId();
    String endpoint = register("/once/" + tenant, tenant).getString("id");
    awaitDeliveryConsumerAssigned();

    String id = TestEvents.newId();
    publish(TestEvents.chatMessage(id, tenant, ""));
    await("the first attempt failed and its retry is stored")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> deliveries(endpoint).size() == 1);
    JsonObject failed = deliveries(endpoint).getJsonObject(0);
    assertThat(failed.getInt("status")).isEqualTo(500);
    assertThat(failed.getString("nextAttemptAt")).isNotBlank();
    assertThat(received).filteredOn(id::equals).hasSize(1);

    server.kill(); // before the retry, 8 s after the first attempt
    server.start();
    server.awaitReady();

    await("the retry, made by the restarted server")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> deliveries(endpoint).size() == 1);
    JsonObject retried = deliveries(endpoint).getJsonObject(0);
    assertThat(retried.getInt("attempt")).as("the stored attempt count went on").isEqualTo(2);
    assertThat(retried.getString("outcome")).isEqualTo("SUCCEEDED");
    assertThat(received)
        .as("one failed attempt and one success, nothing more")
        .filteredOn(id::equals)
        .hasSize(2);
  }

  @Test
  void anEndpointFailingLongerThanDisableAfterIsDisabledAndASystemErrorSaysSo() throws Exception {
    String tenant = TestEvents.newId();
    String endpoint = register("/down/" + tenant, tenant).getString("id");
    awaitDeliveryConsumerAssigned();

    publish(TestEvents.chatMessage(TestEvents.newId(), tenant, ""));
    JsonObject[] shown = new JsonObject[1];
    await("the endpoint disabled after failing for 6 s")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                !(shown[0] = HeraldClient.json(operator.get("api/webhooks/" + endpoint).body()))
                    .getBoolean("enabled"));
    assertThat(shown[0].getString("disabledReason"))
        .contains("failed since")
        .contains("herald.webhooks.disable-after");

    var event =
        TestKafka.awaitRecord(
            "system.error.v1",
            record -> TestKafka.header(record, "ce_subject").filter(endpoint::equals).isPresent());
    assertThat(TestKafka.header(event, "ce_tenantid")).hasValue(tenant);
    JsonObject data = HeraldClient.json(new String(event.value(), UTF_8));
    assertThat(data.getString("errorCode")).isEqualTo("WEBHOOK_ENDPOINT_DISABLED");
    assertThat(data.getJsonObject("context").getString("endpointId")).isEqualTo(endpoint);
    assertThat(deliveries(endpoint)).hasSize(2);
  }

  private JsonObject register(String path, String tenant) {
    HttpResponse<String> response =
        operator.postJson(
            "api/webhooks",
            "{\"url\": \"http://127.0.0.1:%d%s\", \"types\": [\"chat.*\"], \"tenantid\": \"%s\"}"
                .formatted(receiver.getAddress().getPort(), path, tenant));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return HeraldClient.json(response.body());
  }

  private void publish(String event) {
    HttpResponse<String> response = herald.postJson("api/events", event);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private JsonArray deliveries(String endpoint) {
    HttpResponse<String> response = operator.get("api/webhooks/" + endpoint + "/deliveries");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return HeraldClient.jsonArray(response.body());
  }

  /** The delivery group reads from the latest offset: wait until it holds the chat topic. */
  private void awaitDeliveryConsumerAssigned() {
    await("the webhook delivery consumer holds the chat topic")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () ->
                TestKafka.committed(run + "-delivery", TestEvents.TOPIC)
                    .keySet()
                    .equals(TestKafka.endOffsets(TestEvents.TOPIC).keySet()));
  }

  private int call(HttpExchange exchange) {
    return calls
        .computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger())
        .incrementAndGet();
  }

  private void answer(HttpExchange exchange, int status) throws IOException {
    received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
