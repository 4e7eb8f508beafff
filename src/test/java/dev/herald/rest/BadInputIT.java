package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Bad input never answers 5xx: odd path parameters, foreign methods, media types and Accept values,
 * query parameters of the wrong type, and bodies that are not JSON, too deep, too large or of the
 * wrong shape, sent to every route the JAX-RS annotations of this package declare ({@link Routes}),
 * so that a new route is covered without a change here; and headers over Liberty's limits. Each
 * answer must be a 4xx, and a problem detail when JAX-RS or Herald answered. The server stays
 * ready.
 */
@HeraldIT
class BadInputIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private static final List<String> FOREIGN_METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private final URI base = new HeraldClient().base();
  private final HttpClient http =
      HttpClient.newBuilder()
          // plain HTTP/1.1 (no h2c upgrade): Content-Length and 100-continue as clients send them
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Routes routes = Routes.scan();
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> sent = new LinkedHashMap<>();

  @Test
  void noBadRequestToAnyRouteAnswers5xxAndTheServerStaysReady() {
    long started = System.nanoTime();
    assertThat(routes.all()).hasSizeGreaterThan(20);

    for (Routes.Route route : routes.all()) {
      oddPathParameters(route);
      foreignAccept(route);
      oddQueryParameters(route);
      if (route.consumesBody()) {
        foreignContentTypes(route);
        badBodies(route, BadBodies.anyRoute());
        badBodies(route, bodiesOf(route));
      }
    }
    for (String template : routes.templates()) {
      foreignMethods(template);
    }
    oddHeaders(routes.all().get(0));

    Answer ready = send("health", request("GET", "/health/ready", null, null));
    int total = sent.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "BadInputIT: %d bad requests to %d routes in %.1f s %s; %d answers not as expected%n",
        total, routes.all().size(), (System.nanoTime() - started) / 1e9, sent, failures.size());
    assertThat(failures).as("answers to bad requests").isEmpty();
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(HeraldClient.json(ready.body()).getString("status")).isEqualTo("UP");
  }

  /**
   * A status, a media type and a body; the body of a live stream (a 200 {@code text/event-stream}
   * to a request the stream route takes as valid) is not read, its connection is closed instead.
   */
  private record Answer(int statusCode, String contentType, String body) {}

  /** Each path parameter in turn takes each odd value, the others a valid one. */
  private void oddPathParameters(Routes.Route route) {
    for (String parameter : route.pathParams()) {
      OddValues.ODD_PATH_VALUES.forEach(
          (odd, structural) -> {
            String path = route.path(name -> name.equals(parameter) ? odd : valid(name));
            byte[] body = bodyFor(route);
            expect(
                "path",
                route + " with " + parameter + "=" + shorten(odd),
                request(route.method(), path, "application/json", body),
                !structural);
          });
    }
  }

  private void foreignAccept(Routes.Route route) {
    if (!route.produces()) {
      return;
    }
    for (String accept : List.of("image/png", "text/html;q=1, application/xml;q=0.5")) {
      HttpRequest.Builder request =
          request(route.method(), validPath(route), "application/json", bodyFor(route))
              .header("Accept", accept);
      expect("accept", route + " with Accept: " + accept, request, true);
    }
  }

  private void foreignContentTypes(Routes.Route route) {
    for (String type :
        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      expect(
          "content-type",
          route + " as " + type,
          request(route.method(), validPath(route), type, bodyFor(route)),
          true);
    }
    expect(
        "content-type",
        route + " without Content-Type",
        request(route.method(), validPath(route), null, bodyFor(route)),
        true);
  }

  private void oddQueryParameters(Routes.Route route) {
    for (String parameter : route.queryParams()) {
      boolean freeText = OddValues.FREE_TEXT_QUERY.contains(parameter);
      List<String> values =
          freeText ? OddValues.ODD_QUERY_VALUES.subList(5, 8) : OddValues.ODD_QUERY_VALUES;
      for (String value : OddValues.EXTREME_QUERY_VALUES) {
        notAFailure(
            "query",
            route + " with " + parameter + "=" + value,
            request(
                route.method(),
                validPath(route) + "?" + parameter + "=" + value,
                "application/json",
                bodyFor(route)));
      }
      for (String value : values) {
        String path = validPath(route) + "?" + parameter + "=" + value;
        HttpRequest.Builder request =
            request(route.method(), path, "application/json", bodyFor(route));
        if (freeText) {
          notAFailure("query", route + " with " + parameter + "=" + shorten(value), request);
        } else {
          expect("query", route + " with " + parameter + "=" + shorten(value), request, true);
        }
      }
    }
  }

  private void badBodies(Routes.Route route, Map<String, byte[]> bodies) {
    bodies.forEach(
        (name, body) ->
            expect(
                "body",
                route + " with " + name,
                request(route.method(), validPath(route), "application/json", body),
                true));
  }

  /** A method the template does not answer: 405 (or 404 where another template takes the path). */
  private void foreignMethods(String template) {
    List<String> answered = routes.methods(template);
    Routes.Route route = routes.any(template);
    for (String method : FOREIGN_METHODS) {
      if (!answered.contains(method)) {
        expect(
            "method",
            method + " " + template,
            request(method, validPath(route), "application/json", bytes("[1]")),
            true);
      }
    }
  }

  /**
   * Headers over Liberty's limits: a 4xx without a problem detail, as Liberty answers before
   * JAX-RS; or the connection closed after it, which is a refusal too.
   */
  private void oddHeaders(Routes.Route route) {
    OddValues.ODD_HEADERS.forEach(
        (name, headers) -> {
          HttpRequest.Builder request =
              request(route.method(), validPath(route), "application/json", bodyFor(route));
          headers.forEach(request::header);
          sent.merge("headers", 1, Integer::sum);
          try {
            int status =
                http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 400 || status >= 500) {
              failures.add(route + " with " + name + ": " + status);
            }
          } catch (IOException closed) {
            // refused: the server closed the connection
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  /** Bodies that only this route's members make bad; none for a route not listed. */
  private static Map<String, byte[]> bodiesOf(Routes.Route route) {
    return switch (route.template()) {
      case "/api/events" -> BadBodies.event();
      case "/api/events/batch" -> BadBodies.batch();
      case "/api/replays" -> BadBodies.replay();
      case "/api/dead-letters/redrive" ->
          BadBodies.filter(
              "{\"type\": \"chat.message.received\"}",
              List.of("type", "reason", "handler", "from", "to"));
      case "/api/dead-letters/purge" ->
          BadBodies.filter(
              "{\"type\": \"chat.message.received\", \"before\": \"2026-01-01T00:00:00Z\"}",
              List.of("type", "before"));
      case "/api/schemas/{type}/check" -> BadBodies.schemaCheck();
      default -> Map.of();
    };
  }

  /**
   * Every request is built here, so that what each needs (credentials, say) is added in one place.
   *
   * @param rawPath the path and query, already percent-encoded as they go on the wire
   * @param body null for none
   */
  private HttpRequest.Builder request(
      String method, String rawPath, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString() + rawPath.substring(1)))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType);
    }
    // the admin may call every route: the requests must reach the resources, not stop at the roles
    request.header("Authorization", DevUser.ADMIN.basicAuthorization());
    // a server that refuses a large body by its declared length need not read it
    return request.expectContinue(body != null && body.length > 65_536);
  }

  /** A 4xx, and a problem detail unless the web container may have answered before JAX-RS. */
  private void expect(String kind, String what, HttpRequest.Builder request, boolean problem) {
    Answer response = send(kind, request);
    if (response == null) {
      failures.add(what + ": no answer");
      return;
    }
    int status = response.statusCode();
    String type = response.contentType();
    if (status < 400 || status >= 500) {
      failures.add(what + ": " + status + " " + shorten(response.body()));
    } else if (problem && !type.startsWith(Problem.MEDIA_TYPE)) {
      failures.add(what + ": " + status + " as '" + type + "', not " + Problem.MEDIA_TYPE);
    }
  }

  /** Not a 5xx, and a problem detail if it is a 4xx. */
  private void notAFailure(String kind, String what, HttpRequest.Builder request) {
    Answer response = send(kind, request);
    if (response == null || response.statusCode() >= 500) {
      failures.add(what + ": " + (response == null ? "no answer" : response.statusCode()));
    } else if (response.statusCode() >= 400
        && !response.contentType().startsWith(Problem.MEDIA_TYPE)) {
      failures.add(what + ": " + response.statusCode() + " without a problem detail");
    }
  }

  private Answer send(String kind, HttpRequest.Builder request) {
    sent.merge(kind, 1, Integer::sum);
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String type = response.headers().firstValue("Content-Type").orElse("");
      try (InputStream body = response.body()) {
        if (response.statusCode() == 200 && type.startsWith("text/event-stream")) {
          sent.merge("opened a live stream", 1, Integer::sum);
          return new Answer(200, type, ""); // closing the body ends the stream
        }
        return new Answer(
            response.statusCode(), type, new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      failures.add(request.build().method() + " " + request.build().uri() + ": " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String validPath(Routes.Route route) {
    return route.path(BadInputIT::valid);
  }

  private static String valid(String parameter) {
    String value = OddValues.VALID_PATH_VALUES.get(parameter);
    if (value == null) {
      throw new AssertionError(
          "no valid value for the path parameter {"
              + parameter
              + "}: add one to OddValues.VALID_PATH_VALUES");
    }
    return value;
  }

  /**
   * For a request whose other parts are bad, a body no route takes either (an event array, not a
   * schema, not a filter), so that a request the runtime lets through is still refused.
   */
  private static byte[] bodyFor(Routes.Route route) {
    return route.consumesBody() ? bytes("[1]") : null;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String shorten(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
  }
}
