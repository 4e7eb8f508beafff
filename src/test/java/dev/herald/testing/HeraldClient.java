package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Herald's HTTP endpoints, as a client sees them: logged in as the development admin unless told
 * otherwise ({@link #as}, {@link #anonymous}).
 */
public final class HeraldClient {

  private static final HttpClient PLAIN =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpClient http;
  private final URI base;

  /** The {@code Authorization} header sent with every request; none when null. */
  private final String authorization;

  /** The Arquillian server's endpoints. */
  public HeraldClient() {
    this(Integer.getInteger("herald.http.port", 9080));
  }

  public HeraldClient(int port) {
    this(PLAIN, URI.create("http://localhost:" + port + "/"), DevUser.ADMIN.basicAuthorization());
  }

  private HeraldClient(HttpClient http, URI base, String authorization) {
    this.http = http;
    this.base = base;
    this.authorization = authorization;
  }

  /**
   * A server's HTTPS endpoints, trusting its certificate whatever it is (the development keystore's
   * is self-signed), logged in as the development admin.
   */
  public static HeraldClient https(int port) {
    return new HeraldClient(
        TrustingHttps.client(),
        URI.create("https://localhost:" + port + "/"),
        DevUser.ADMIN.basicAuthorization());
  }

  /** The same server, logged in as another development user. */
  public HeraldClient as(DevUser other) {
    return new HeraldClient(http, base, other.basicAuthorization());
  }

  /** The same server, presenting {@code token} as {@code Authorization: Bearer}. */
  public HeraldClient bearer(String token) {
    return new HeraldClient(http, base, "Bearer " + token);
  }

  /** The same server, sending {@code authorization} as the {@code Authorization} header. */
  public HeraldClient withAuthorization(String authorization) {
    return new HeraldClient(http, base, authorization);
  }

  /** The same server, without credentials. */
  public HeraldClient anonymous() {
    return new HeraldClient(http, base, null);
  }

  /** Sends any request to this server, with this client's credentials. */
  public HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** The server's root, {@code http://localhost:<herald.http.port>/}. */
  public URI base() {
    return base;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A JSON POST with one more header, e.g. the caller's {@code traceparent}. */
  public HttpResponse<String> postJson(String path, String body, String header, String value) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  public HttpResponse<String> put(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  /**
   * Publishes {@code events} example events of a type, ids {@code <run><n>}, through {@code POST
   * /api/events/batch} in batches of {@code batch}; each batch must be accepted.
   */
  public void publishBatches(String type, String run, int events, int batch) {
    for (int from = 0; from < events; from += batch) {
      HttpResponse<String> response =
          postJson("api/events/batch", TestEvents.batch(type, run, from, from + batch));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
  }

  /** Waits until the handlers' outcome of an event is visible, and returns it. */
  public JsonObject awaitOutcome(String eventId) {
    HttpResponse<String>[] last = new HttpResponse[1];
    await("outcome of event " + eventId)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> (last[0] = get("api/events/" + eventId)).statusCode() == 200);
    return json(last[0].body());
  }

  /** The result of one handler in an outcome. */
  public static JsonObject handlerResult(JsonObject outcome, String handler) {
    return outcome.getJsonArray("results").stream()
        .map(r -> r.asJsonObject())
        .filter(r -> r.getString("handler").equals(handler))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no result of handler " + handler + " in " + outcome));
  }

  public static jakarta.json.JsonArray jsonArray(String body) {
    return Json.createReader(new StringReader(body)).readArray();
  }

  public static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
