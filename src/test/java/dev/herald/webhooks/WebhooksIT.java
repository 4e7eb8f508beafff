package dev.herald.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestCollector;
import dev.herald.testing.TestCollector.ExportedSpan;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against the running server and broker: a receiver in this JVM on 127.0.0.1 (which the IT
 * server's {@code herald.webhooks.allowed-cidrs} opens) records what Herald posts. Each test's
 * endpoints are bound to a tenant of its own, so that other tests' events never reach them.
 */
@HeraldIT
class WebhooksIT {

  private static final String GROUP = "herald-webhooks";
  private static final String SYSTEM_ERROR = "system.error";
  private static final Duration DELIVERY = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  record Received(String path, Map<String, List<String>> headers, String body, Instant at) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  private final HeraldClient herald = new HeraldClient();
  private final HeraldClient operator = herald.as(DevUser.OPERATOR);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final CountDownLatch slowReleased = new CountDownLatch(1);
  private final List<String> slowArrivals = new CopyOnWriteArrayList<>();
  private final AtomicInteger slowUnderWay = new AtomicInteger();
  private final AtomicInteger slowMostAtOnce = new AtomicInteger();
  private final ExecutorService receiverThreads = Executors.newCachedThreadPool();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(receiverThreads);
    receiver.createContext("/hook", exchange -> answer(exchange, 204));
    receiver.createContext("/gone", exchange -> answer(exchange, 410));
    // fails twice with a 500, then succeeds
    receiver.createContext("/flaky", exchange -> answer(exchange, call(exchange) <= 2 ? 500 : 204));
    // asks for 3 s with a 429 and Retry-After, then succeeds
    receiver.createContext(
        "/busy",
        exchange -> {
          if (call(exchange) == 1) {
            exchange.getResponseHeaders().add("Retry-After", "3");
            answer(exchange, 429);
          } else {
            answer(exchange, 204);
          }
        });
    // holds every request until released
    receiver.createContext(
        "/slow",
        exchange -> {
          slowArrivals.add(exchange.getRequestHeaders().getFirst("webhook-id"));
          slowMostAtOnce.accumulateAndGet(slowUnderWay.incrementAndGet(), Math::max);
          try {
            slowReleased.await(90, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          slowUnderWay.decrementAndGet();
          answer(exchange, 204);
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    slowReleased.countDown();
    receiver.stop(0);
    receiverThreads.shutdownNow();
  }

  @Test
  void aSubscribedEventArrivesSignedAndAnotherTypeDoesNot() throws Exception {
    String tenant = TestEvents.newId();
    JsonObject endpoint = register("/hook/" + tenant, "chat.*", tenant);
    String secret = endpoint.getString("secret");
    assertThat(secret).startsWith("whsec_");
    awaitDeliveryConsumerAssigned();

    String skipped = TestEvents.newId();
    JsonObject skippedReceipt = publish(TestEvents.example(SYSTEM_ERROR, skipped, tenant));
    String id = TestEvents.newId();
    publish(TestEvents.chatMessage(id, tenant, ""));

    Received request = awaitReceived(id);
    assertThat(request.path()).isEqualTo("/hook/" + tenant);
    assertThat(request.header("webhook-id")).isEqualTo(id);
    assertThat(request.header("webhook-timestamp")).isNotBlank();
    assertThat(request.header("content-type")).startsWith("application/cloudevents+json");
    assertThatCode(() -> new Webhook(secret).verify(request.body(), request.headers()))
        .doesNotThrowAnyException();
    JsonObject event = HeraldClient.json(request.body());
    assertThat(event.getString("id")).isEqualTo(id);
    assertThat(event.getString("type")).isEqualTo(TestEvents.TYPE);
    assertThat(event.getString("tenantid")).isEqualTo(tenant);
    // The delivery continues the event's trace: its span is a child of the publish, and the
    // subscriber gets its context in the traceparent header (README "Traces").
    String[] published = event.getString("traceparent").split("-");
    String[] sent = request.header("traceparent").split("-");
    assertThat(sent[1]).isEqualTo(published[1]);
    ExportedSpan deliverySpan =
        await("the delivery's span exported")
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    TestCollector.get().trace(sent[1]).stream()
                        .filter(span -> span.spanId().equals(sent[2]))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(deliverySpan.kind()).isEqualTo("SPAN_KIND_CLIENT");
    assertThat(deliverySpan.parentSpanId()).isEqualTo(published[2]);
    assertThat(deliverySpan.attribute("http.response.status_code")).isEqualTo("204");

    // The delivery consumer got past the unsubscribed event: it was not sent.
    awaitCommittedPast(skippedReceipt);
    assertThat(received).noneMatch(r -> skipped.equals(r.header("webhook-id")));

    HttpResponse<String> deliveries =
        operator.get("api/webhooks/" + endpoint.getString("id") + "/deliveries");
    assertThat(deliveries.statusCode()).as(deliveries.body()).isEqualTo(200);
    JsonObject delivery = HeraldClient.jsonArray(deliveries.body()).getJsonObject(0);
    assertThat(delivery.getString("eventId")).isEqualTo(id);
    assertThat(delivery.getString("type")).isEqualTo(TestEvents.TYPE);
    assertThat(delivery.getString("outcome")).isEqualTo("SUCCEEDED");
    assertThat(delivery.getInt("status")).isEqualTo(204);
    assertThat(operator.get("api/webhooks/" + endpoint.getString("id")).body())
        .doesNotContain(secret);
    String metrics = operator.get("metrics").body();
    assertThat(metrics)
        .containsPattern(
            "herald_webhooks_deliveries_total\\{endpoint=\""
                + endpoint.getString("id")
                + "\",.*outcome=\"succeeded\".*\\} 1")
        .containsPattern(
            "herald_webhooks_delivery_duration_seconds_count\\{.*outcome=\"succeeded\"")
        .containsPattern("herald_webhooks_endpoints\\{.*state=\"enabled\".*\\} [1-9]");
  }

  @Test
  void afterARotationBothSecretsSignAndEachVerifiesAlone() throws Exception {
    String tenant = TestEvents.newId();
    JsonObject endpoint = register("/hook/" + tenant, "chat.*", tenant);
    String old = endpoint.getString("secret");
    HttpResponse<String> rotated =
        operator.postJson("api/webhooks/" + endpoint.getString("id") + "/rotate-secret", "");
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String next = HeraldClient.json(rotated.body()).getString("secret");
    assertThat(next).startsWith("whsec_").isNotEqualTo(old);
    awaitDeliveryConsumerAssigned();

    String id = TestEvents.newId();
    publish(TestEvents.chatMessage(id, tenant, ""));
    Received request = awaitReceived(id);

    String[] signatures = request.header("webhook-signature").split(" ");
    assertThat(signatures).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    for (String secret : List.of(old, next)) {
      assertThatCode(() -> new Webhook(secret).verify(request.body(), request.headers()))
          .as("verified with one secret alone")
          .doesNotThrowAnyException();
    }
    assertThatThrownBy(
            () ->
                new Webhook(Webhook.SECRET_PREFIX + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                    .verify(request.body(), request.headers()))
        .as("another secret does not verify");
  }

  @Test
  void anEndpointAnswering410IsDisabledWithTheReason() throws Exception {
    String tenant = TestEvents.newId();
    JsonObject endpoint = register("/gone/" + tenant, "chat.*", tenant);
    String path = "api/webhooks/" + endpoint.getString("id");
    awaitDeliveryConsumerAssigned();

    String id = TestEvents.newId();
    publish(TestEvents.chatMessage(id, tenant, ""));
    awaitReceived(id);

    JsonObject[] shown = new JsonObject[1];
    await("endpoint disabled after its 410")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> !(shown[0] = HeraldClient.json(operator.get(path).body())).getBoolean("enabled"));
    assertThat(shown[0].getString("disabledReason")).contains("410");
    assertThat(operator.get("metrics").body())
        .containsPattern(
            "herald_webhooks_deliveries_total\\{endpoint=\""
                + endpoint.getString("id")
                + "\",.*outcome=\"failed_status\".*\\} 1")
        .containsPattern("herald_webhooks_endpoints\\{.*state=\"disabled\".*\\} [1-9]");
  }

  @Test
  void aFailedDeliveryIsTriedAgainOnTheScheduleUntilItSucceedsEachAttemptSignedAnew()
      throws Exception {
    String tenant = TestEvents.newId();
    JsonObject endpoint = register("/flaky/" + tenant, "chat.*", tenant);
    String secret = endpoint.getString("secret");
    awaitDeliveryConsumerAssigned();

    String id = TestEvents.newId();
    publish(TestEvents.chatMessage(id, tenant, ""));
    await("three attempts: two 500s and a success")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> attemptsOf(id).size() >= 3);

    List<Received> attempts = attemptsOf(id);
    assertThat(attempts).hasSize(3);
    assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
    for (Received attempt : attempts) {
      assertThatCode(() -> new Webhook(secret).verify(attempt.body(), attempt.headers()))
          .as("every attempt verifies")
          .doesNotThrowAnyException();
    }
    // the schedule of this server is 1s,2s,2s: each retry waits at least its wait
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));

    String path = "api/webhooks/" + endpoint.getString("id") + "/deliveries";
    JsonArray[] log = new JsonArray[1];
    await("three attempts in the deliveries log")
        .atMost(Duration.ofSeconds(10))
        .until(() -> (log[0] = HeraldClient.jsonArray(operator.get(path).body())).size() == 3);
    JsonObject last = log[0].getJsonObject(0);
    JsonObject first = log[0].getJsonObject(2);
    assertThat(first.getInt("attempt")).isEqualTo(1);
    assertThat(first.getString("outcome")).isEqualTo("FAILED_STATUS");
    assertThat(first.getInt("status")).isEqualTo(500);
    assertThat(first.getString("nextAttemptAt")).isNotBlank();
    assertThat(first.getString("source")).startsWith(TestEvents.TOPIC + "-");
    assertThat(last.getInt("attempt")).isEqualTo(3);
    assertThat(last.getString("outcome")).isEqualTo("SUCCEEDED");
    assertThat(last.containsKey("nextAttemptAt")).as("no next attempt").isFalse();
    JsonObject shown =
        HeraldClient.json(operator.get("api/webhooks/" + endpoint.getString("id")).body());
    assertThat(shown.getBoolean("enabled")).isTrue();
  }

  @Test
  void retryAfterOfA429IsHonouredOverAShorterWait() throws Exception {
    String tenant = TestEvents.newId();
    register("/busy/" + tenant, "chat.*", tenant);
    awaitDeliveryConsumerAssigned();

    String id = TestEvents.newId();
    publish(TestEvents.chatMessage(id, tenant, ""));
    await("a 429 and a success")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> attemptsOf(id).size() >= 2);

    List<Received> attempts = attemptsOf(id);
    assertThat(attempts).hasSize(2);
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
        .as("Retry-After: 3 waits longer than the schedule's first wait (1 s)")
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
  }

  @Test
  void aStuckEndpointHoldsItsOwnLanesOnlyWhileAnotherGetsEveryEvent() throws Exception {
    String tenant = TestEvents.newId();
    register("/slow/" + tenant, "chat.*", tenant);
    register("/hook/" + tenant, "chat.*", tenant);
    awaitDeliveryConsumerAssigned();

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = TestEvents.newId();
      ids.add(id);
      publish(TestEvents.chatMessage(id, tenant, ""));
    }
    await("the fast endpoint got every event while the slow one holds its first")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            received.stream()
                                .anyMatch(
                                    r ->
                                        r.path().startsWith("/hook/")
                                            && id.equals(r.header("webhook-id")))));
    assertThat(slowArrivals).as("the slow endpoint holds its first event").isNotEmpty();

    slowReleased.countDown();
    await("the slow endpoint gets every event once released")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> slowArrivals.containsAll(ids));
    // A held attempt may time out (herald.webhooks.timeout-ms) and be retried later, after the
    // events behind it: the first arrivals still come in the order published.
    assertThat(slowArrivals.stream().distinct().toList())
        .as("one key's events first arrive in the order published")
        .isEqualTo(ids);
    assertThat(slowMostAtOnce.get()).as("one key: one attempt at a time").isEqualTo(1);
  }

  @Test
  void aDeliveryIsRetriedOnDemandAndADisabledEndpointRecoversWhatItMissed() throws Exception {
    String tenant = TestEvents.newId();
    JsonObject endpoint = register("/hook/" + tenant, "chat.*", tenant);
    String path = "api/webhooks/" + endpoint.getString("id");
    String secret = endpoint.getString("secret");
    awaitDeliveryConsumerAssigned();

    String first = TestEvents.newId();
    publish(TestEvents.chatMessage(first, tenant, ""));
    awaitReceived(first);
    await("the delivery in the log")
        .atMost(Duration.ofSeconds(10))
        .until(() -> operator.get(path + "/deliveries").body().contains(first));
    HttpResponse<String> retried = operator.postJson(path + "/deliveries/" + first + "/retry", "");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
    assertThat(HeraldClient.json(retried.body()).getString("source"))
        .startsWith(TestEvents.TOPIC + "-");
    await("the event delivered again").atMost(DELIVERY).until(() -> attemptsOf(first).size() == 2);
    for (Received attempt : attemptsOf(first)) {
      assertThatCode(() -> new Webhook(secret).verify(attempt.body(), attempt.headers()))
          .doesNotThrowAnyException();
    }
    assertThat(operator.postJson(path + "/deliveries/unknown-event/retry", "").statusCode())
        .isEqualTo(404);

    HttpResponse<String> disabled =
        operator.send("PATCH", path, "application/json", "{\"enabled\": false}");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    Instant since = Instant.now();
    String missed = TestEvents.newId();
    JsonObject receipt = publish(TestEvents.chatMessage(missed, tenant, ""));
    // another endpoint keeps the delivery consumer reading: it reads past the event, which the
    // disabled endpoint does not get
    register("/hook/" + TestEvents.newId(), "chat.*", TestEvents.newId());
    awaitCommittedPast(receipt);
    assertThat(attemptsOf(missed)).isEmpty();

    HttpResponse<String> refused =
        operator.postJson(path + "/recover", "{\"since\": \"tomorrow\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    HttpResponse<String> recovered =
        operator.postJson(path + "/recover", "{\"since\": \"" + since + "\"}");
    assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(202);
    assertThat(
            HeraldClient.json(recovered.body())
                .getJsonObject("events")
                .getJsonNumber(TestEvents.TOPIC)
                .longValue())
        .isPositive();
    assertThat(HeraldClient.json(operator.get(path).body()).getBoolean("enabled")).isTrue();
    Received late = awaitReceived(missed);
    assertThatCode(() -> new Webhook(secret).verify(late.body(), late.headers()))
        .doesNotThrowAnyException();
    assertThat(HeraldClient.json(late.body()).getString("id")).isEqualTo(missed);
    awaitCommittedPast(receipt);
    assertThat(attemptsOf(first))
        .as("stored before the recovery's start: not sent again")
        .hasSize(2);
    assertThat(attemptsOf(missed))
        .as("once: the endpoint was disabled when it was stored")
        .hasSize(1);
  }

  @Test
  void theMetadataServiceAndOtherSchemesAreRefused() {
    HttpResponse<String> metadata = registerRaw("http://169.254.169.254/latest", "chat.*", null);
    assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(422);
    assertThat(metadata.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(HeraldClient.json(metadata.body()).getString("detail"))
        .contains("169.254.169.254")
        .contains("link-local");

    HttpResponse<String> ftp = registerRaw("ftp://user:secret-pw@example.com/in", "chat.*", null);
    assertThat(ftp.statusCode()).as(ftp.body()).isEqualTo(422);
    assertThat(HeraldClient.json(ftp.body()).getString("detail")).contains("ftp");
    assertThat(ftp.body()).doesNotContain("secret-pw");

    HttpResponse<String> pattern = registerRaw("http://127.0.0.1:1/x", "chat.**", null);
    assertThat(pattern.statusCode()).as(pattern.body()).isEqualTo(422);
  }

  private JsonObject register(String path, String type, String tenant) {
    HttpResponse<String> response =
        registerRaw("http://127.0.0.1:" + receiver.getAddress().getPort() + path, type, tenant);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject endpoint = HeraldClient.json(response.body());
    assertThat(response.headers().firstValue("Location"))
        .hasValue(herald.base().resolve("api/webhooks/" + endpoint.getString("id")).toString());
    assertThat(endpoint.getBoolean("enabled")).isTrue();
    return endpoint;
  }

  private HttpResponse<String> registerRaw(String url, String type, String tenant) {
    String tenantMember = tenant == null ? "" : ", \"tenantid\": \"" + tenant + "\"";
    return operator.postJson(
        "api/webhooks",
        "{\"url\": \"%s\", \"types\": [\"%s\"]%s}".formatted(url, type, tenantMember));
  }

  private JsonObject publish(String event) {
    HttpResponse<String> response = herald.postJson("api/events", event);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return HeraldClient.json(response.body());
  }

  /**
   * The delivery consumer reads from the latest offset when its group has none: wait until it holds
   * every partition of the topics the tests publish to (it commits their position when it gets
   * them), so that what is published next is read.
   */
  private static void awaitDeliveryConsumerAssigned() {
    await("the webhook delivery consumer holds the chat and system.error topics")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () ->
                TestKafka.committed(GROUP, TestEvents.TOPIC)
                        .keySet()
                        .equals(TestKafka.endOffsets(TestEvents.TOPIC).keySet())
                    && TestKafka.committed(GROUP, "system.error.v1")
                        .keySet()
                        .equals(TestKafka.endOffsets("system.error.v1").keySet()));
  }

  private static void awaitCommittedPast(JsonObject receipt) {
    TopicPartition partition =
        new TopicPartition(receipt.getString("topic"), receipt.getInt("partition"));
    long offset = receipt.getJsonNumber("offset").longValue();
    await("the delivery group committed past " + partition + "@" + offset)
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                TestKafka.committed(GROUP, partition.topic()).getOrDefault(partition, -1L)
                    > offset);
  }

  private Received awaitReceived(String eventId) {
    await("webhook of event " + eventId)
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> received.stream().anyMatch(r -> eventId.equals(r.header("webhook-id"))));
    return received.stream()
        .filter(r -> eventId.equals(r.header("webhook-id")))
        .findFirst()
        .orElseThrow();
  }

  private List<Received> attemptsOf(String eventId) {
    return received.stream().filter(r -> eventId.equals(r.header("webhook-id"))).toList();
  }

  /** The number of this request on its path, from 1. */
  private int call(HttpExchange exchange) {
    return calls
        .computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger())
        .incrementAndGet();
  }

  private void answer(HttpExchange exchange, int status) throws IOException {
    Map<String, List<String>> headers =
        exchange.getRequestHeaders().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue())));
    received.add(
        new Received(
            exchange.getRequestURI().getPath(),
            headers,
            new String(exchange.getRequestBody().readAllBytes(), UTF_8),
            Instant.now()));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
