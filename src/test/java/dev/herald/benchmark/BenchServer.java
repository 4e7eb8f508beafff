package dev.herald.benchmark;

import dev.herald.testing.DevUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the server under test: Herald's API, as the development publisher, and the benchmark's
 * {@code /api/bench}, which needs no login.
 */
final class BenchServer {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base =
      URI.create("http://localhost:" + Integer.getInteger("herald.http.port", 9080) + "/api/");

  JsonObject get(String pathAndQuery) {
    return Json.createReader(new StringReader(call("GET", pathAndQuery, null))).readObject();
  }

  JsonArray getArray(String pathAndQuery) {
    return Json.createReader(new StringReader(call("GET", pathAndQuery, null))).readArray();
  }

  JsonObject post(String pathAndQuery, String body) {
    return Json.createReader(new StringReader(call("POST", pathAndQuery, body))).readObject();
  }

  /** The server's JVM, versions and settings, as plain maps and lists. */
  @SuppressWarnings("unchecked")
  Map<String, Object> facts() {
    return JsonMapper.shared().readValue(call("GET", "facts", null), LinkedHashMap.class);
  }

  /** A benchmark endpoint's JSON answer; anything but 200 fails the run. */
  private String call(String method, String pathAndQuery, String body) {
    HttpRequest.BodyPublisher content =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(base.resolve("bench/" + pathAndQuery))
                .header("Content-Type", "application/json")
                .method(method, content)
                .timeout(Duration.ofMinutes(10))
                .build());
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          method
              + " /api/bench/"
              + pathAndQuery
              + " answered "
              + response.statusCode()
              + ": "
              + text);
    }
    return text;
  }

  /** {@code POST /api/events/batch}; the status code and body as they came. */
  HttpResponse<byte[]> publishBatch(String body) {
    return send(
        HttpRequest.newBuilder(base.resolve("events/batch"))
            .header("Content-Type", "application/json")
            .header("Authorization", DevUser.PUBLISHER.basicAuthorization())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofMinutes(1))
            .build());
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
