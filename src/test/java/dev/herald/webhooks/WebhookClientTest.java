package dev.herald.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.config.WebhookSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery attempts against a local HTTP server (127.0.0.1 on an ephemeral port). */
class WebhookClientTest {

  record Received(String path, Map<String, List<String>> headers, String body) {}

  private static final List<String> LOOPBACK = List.of("127.0.0.0/8");

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final WebhookSecret secret = WebhookSecret.generate();
  private final WebhookMessage message =
      new WebhookMessage("e-42", "{\"specversion\":\"1.0\",\"id\":\"e-42\",\"data\":\"héllo\"}");
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch slowRelease = new CountDownLatch(1);

  private ExecutorService serverThreads;
  private HttpServer server;
  private ScheduledExecutorService deadlines;
  private WebhookClient client;

  @BeforeEach
  void start() throws IOException {
    serverThreads = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/ok", exchange -> answer(exchange, 200, "thanks"));
    server.createContext("/accepted", exchange -> answer(exchange, 204, null));
    server.createContext("/fail", exchange -> answer(exchange, 500, "boom"));
    server.createContext("/gone", exchange -> answer(exchange, 410, "unsubscribed"));
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/ok");
          answer(exchange, 301, null);
        });
    server.createContext(
        "/busy-seconds",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "120");
          answer(exchange, 429, null);
        });
    server.createContext(
        "/busy-date",
        exchange -> {
          exchange
              .getResponseHeaders()
              .add(
                  "Retry-After",
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      now.plusSeconds(90).atZone(ZoneOffset.UTC)));
          answer(exchange, 503, null);
        });
    server.createContext(
        "/ignored-retry-after",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "120");
          answer(exchange, 500, null);
        });
    server.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(100_000)));
    server.createContext(
        "/slow",
        exchange -> {
          try {
            slowRelease.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, 200, "late");
        });
    server.start();
    deadlines = Executors.newSingleThreadScheduledExecutor();
    client = client(LOOPBACK, Duration.ofSeconds(10), AddressGuardTest::lookup);
  }

  @AfterEach
  void stop() throws IOException {
    slowRelease.countDown();
    client.close();
    server.stop(0);
    serverThreads.shutdownNow();
    deadlines.shutdownNow();
  }

  @Test
  void a2xxAnswerIsASuccessWithAVerifiedSignature() throws Exception {
    Attempt attempt = client.send(url("/ok"), message, List.of(secret));

    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
    assertThat(attempt.status()).isEqualTo(200);
    assertThat(attempt.response()).isEqualTo("thanks");
    assertThat(attempt.at()).isEqualTo(now);
    assertThat(attempt.latency()).isPositive();
    assertThat(attempt.retryAfter()).isNull();
    assertThat(client.send(url("/accepted"), message, List.of(secret)).succeeded()).isTrue();

    assertThat(received).hasSize(2);
    Received request = received.get(0);
    assertThat(request.body()).isEqualTo(message.body());
    assertThat(header(request, "Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(header(request, "webhook-id")).isEqualTo("e-42");
    assertThat(header(request, "webhook-timestamp")).isEqualTo(Long.toString(now.getEpochSecond()));
    assertThat(header(request, "User-Agent")).isEqualTo("Herald-Webhooks");
    assertEverySignatureVerifies(secret);
  }

  @Test
  void duringARotationEachSecretVerifiesTheDeliveredRequest() throws Exception {
    WebhookSecret next = WebhookSecret.generate();

    client.send(url("/ok"), message, List.of(secret, next));

    assertThat(header(received.get(0), "webhook-signature").split(" ")).hasSize(2);
    assertEverySignatureVerifies(secret);
    assertEverySignatureVerifies(next);
  }

  @Test
  void aHostNameIsResolvedByTheGuardAndTheRequestGoesToTheAddressItChecked() throws Exception {
    Resolver dns =
        host -> {
          if (host.equals("hooks.herald.test")) {
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
          }
          throw new UnknownHostException(host);
        };
    try (WebhookClient named = client(LOOPBACK, Duration.ofSeconds(10), dns)) {
      URI endpoint = URI.create("http://hooks.herald.test:" + port() + "/ok");

      Attempt attempt = named.send(endpoint, message, List.of(secret));

      assertThat(attempt.succeeded()).isTrue();
      assertThat(header(received.get(0), "Host")).isEqualTo("hooks.herald.test:" + port());
    }
  }

  @Test
  void a5xxAnswerIsAFailureThatKeepsTheStatusAndTheResponse() throws Exception {
    Attempt attempt = client.send(url("/fail"), message, List.of(secret));

    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED_STATUS);
    assertThat(attempt.status()).isEqualTo(500);
    assertThat(attempt.response()).isEqualTo("boom");
    assertThat(attempt.disablesEndpoint()).isFalse();
    assertEverySignatureVerifies(secret);
  }

  @Test
  void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
    Attempt attempt = client.send(url("/moved"), message, List.of(secret));

    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED_STATUS);
    assertThat(attempt.status()).isEqualTo(301);
    assertThat(received).extracting(Received::path).containsExactly("/moved");
  }

  @Test
  void a410DisablesTheEndpoint() throws Exception {
    Attempt attempt = client.send(url("/gone"), message, List.of(secret));

    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED_STATUS);
    assertThat(attempt.disablesEndpoint()).isTrue();
  }

  @Test
  void a429or503KeepsTheirRetryAfterInSecondsOrAsAnHttpDate() throws Exception {
    Attempt seconds = client.send(url("/busy-seconds"), message, List.of(secret));
    Attempt date = client.send(url("/busy-date"), message, List.of(secret));
    Attempt other = client.send(url("/ignored-retry-after"), message, List.of(secret));

    assertThat(seconds.status()).isEqualTo(429);
    assertThat(seconds.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(date.status()).isEqualTo(503);
    assertThat(date.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(other.retryAfter()).as("Retry-After of a 500").isNull();
  }

  @Test
  void aLargeResponseIsCutToTheConfiguredSize() throws Exception {
    Attempt attempt = client.send(url("/big"), message, List.of(secret));

    assertThat(attempt.succeeded()).isTrue();
    assertThat(attempt.response()).isEqualTo("x".repeat(64));
    assertThat(client.send(url("/ok"), message, List.of(secret)).response()).isEqualTo("thanks");
  }

  @Test
  void anEndpointThatDoesNotAnswerInTimeIsATimeout() throws Exception {
    try (WebhookClient impatient = client(LOOPBACK, Duration.ofMillis(300), Resolver.system())) {
      Attempt attempt = impatient.send(url("/slow"), message, List.of(secret));

      assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.TIMEOUT);
      assertThat(attempt.status()).as("the endpoint never answered: it waits on a latch").isZero();
    } finally {
      slowRelease.countDown();
    }
  }

  @Test
  void aClosedPortIsARefusedConnection() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    Attempt attempt =
        client.send(URI.create("http://127.0.0.1:" + closed + "/"), message, List.of(secret));

    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.REFUSED);
    assertThat(attempt.status()).isZero();
    assertThat(attempt.response()).isNotBlank();
  }

  @Test
  void aBlockedAddressIsRefusedBeforeAnyConnection() throws Exception {
    try (WebhookClient guarded = client(List.of(), Duration.ofSeconds(10), Resolver.system())) {
      Attempt attempt = guarded.send(url("/ok"), message, List.of(secret));

      assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.BLOCKED_ADDRESS);
      assertThat(attempt.status()).isZero();
      assertThat(attempt.response())
          .contains("127.0.0.1 is loopback")
          .contains("herald.webhooks.allowed-cidrs");
      assertThat(received).isEmpty();
    }
  }

  @Test
  void aHostThatResolvesToAPrivateAddressAfterRegistrationIsRefusedAtConnectTime()
      throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Resolver rebinding =
        host ->
            new InetAddress[] {
              InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")
            };
    AddressGuard guard = new AddressGuard(List.of(), rebinding);
    URI endpoint = guard.checkEndpoint("http://rebind.herald.test:" + port() + "/ok");

    try (WebhookClient guarded =
        new WebhookClient(guard, settings(List.of(), Duration.ofSeconds(10)), clock, deadlines)) {
      Attempt attempt = guarded.send(endpoint, message, List.of(secret));

      assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.BLOCKED_ADDRESS);
      assertThat(attempt.response()).contains("rebind.herald.test").contains("127.0.0.1");
      assertThat(received).isEmpty();
    }
  }

  @Test
  void anUnknownHostIsAnotherFailure() throws Exception {
    Attempt attempt =
        client.send(URI.create("http://nowhere.test:" + port() + "/"), message, List.of(secret));

    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.OTHER);
    assertThat(attempt.response()).contains("host not found").contains("nowhere.test");
  }

  private WebhookClient client(List<String> allowed, Duration timeout, Resolver resolver) {
    return new WebhookClient(
        AddressGuard.of(allowed, resolver), settings(allowed, timeout), clock, deadlines);
  }

  private static WebhookSettings settings(List<String> allowed, Duration timeout) {
    return new WebhookSettings(
        allowed,
        timeout,
        List.of(Duration.ofSeconds(5)),
        Duration.ofDays(5),
        64,
        Duration.ofHours(24),
        "herald-webhooks",
        "herald-webhooks",
        "herald-webhook-deliveries",
        "herald-webhook-senders",
        4,
        64);
  }

  private void assertEverySignatureVerifies(WebhookSecret key) {
    assertThat(received).isNotEmpty();
    for (Received request : received) {
      assertThatCode(() -> new Webhook(key.value()).verify(request.body(), request.headers()))
          .as("signature of %s", request.path())
          .doesNotThrowAnyException();
    }
  }

  private static String header(Received request, String name) {
    return request.headers().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, int status, String body) throws IOException {
    received.add(
        new Received(
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (var out = exchange.getResponseBody()) {
        out.write(bytes);
      } catch (IOException e) {
        // The client dropped a response it did not want to read to the end.
      }
    }
    exchange.close();
  }
}
