package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Credentials go in, never out: after requests that carry every development password, a wrong
 * password, a valid and a spoilt JWT (on routes that succeed, fail, and fail on bad input), no
 * response (body or header: {@code /api}, health, metrics) and no file of the server's logs
 * (messages, console, FFDC) contains any of them, with one exception Herald cannot prevent: the
 * tokens Liberty refuses for their signature are quoted in trace.log, and the first after a start
 * in an FFDC incident (and the FFDC1015I line that announces it), as README "Security" says; never
 * on the console nor otherwise in messages.log.
 */
@HeraldIT
class SecretsIT {

  private static final Path LOGS =
      Path.of(System.getProperty("herald.wlp", "target/liberty/wlp"))
          .resolve(
              "usr/servers/" + System.getProperty("herald.server.name", "defaultServer") + "/logs");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void noCredentialAppearsInAResponseOrTheServersLogs() throws Exception {
    String wrongPassword = "wrong-" + UUID.randomUUID();
    String token = TestTokens.forUser("secret-reader", Roles.READER).sign();
    String spoiltToken =
        TestTokens.forUser("secret-reader", Roles.READER).signedByStranger().sign();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (DevUser user : DevUser.values()) {
      secrets.put(user.username() + "'s password", user.password());
      secrets.put(
          user.username() + "'s Basic credentials", basic(user.username(), user.password()));
    }
    secrets.put("a wrong password", wrongPassword);
    secrets.put("its Basic credentials", basic("reader", wrongPassword));
    secrets.put("a valid JWT", token);
    secrets.put("a valid JWT's signature", signature(token));
    secrets.put("a spoilt JWT", spoiltToken);
    secrets.put("a spoilt JWT's signature", signature(spoiltToken));
    String otherAudience =
        TestTokens.forUser("secret-reader", Roles.READER).audience("billing").sign();
    String otherIssuer =
        TestTokens.forUser("secret-reader", Roles.READER).issuer("https://other.test").sign();
    String expired =
        TestTokens.forUser("secret-reader", Roles.READER)
            .expired(java.time.Duration.ofMinutes(20))
            .sign();
    secrets.put("a JWT for another audience", otherAudience);
    secrets.put("a JWT for another audience's signature", signature(otherAudience));
    secrets.put("a JWT of another issuer", otherIssuer);
    secrets.put("a JWT of another issuer's signature", signature(otherIssuer));
    secrets.put("an expired JWT", expired);
    secrets.put("an expired JWT's signature", signature(expired));
    secrets.put("the development keystore's password", "herald-dev-keystore");

    List<HttpResponse<String>> responses = new ArrayList<>();
    List<HeraldClient> callers = new ArrayList<>();
    for (DevUser user : DevUser.values()) {
      callers.add(herald.as(user));
    }
    callers.add(herald.withAuthorization("Basic " + secrets.get("its Basic credentials")));
    callers.add(herald.bearer(token));
    callers.add(herald.bearer(spoiltToken));
    callers.add(herald.bearer(otherAudience));
    callers.add(herald.bearer(otherIssuer));
    callers.add(herald.bearer(expired));
    for (HeraldClient caller : callers) {
      for (String path :
          List.of(
              "api/event-types",
              "api/events/" + TestEvents.newId(),
              "api/stats",
              "api/channels",
              "api/dead-letters?limit=1",
              "api/audit?limit=5",
              "health",
              "metrics")) {
        responses.add(caller.get(path));
      }
      responses.add(caller.postJson("api/events", "{\"specversion\": \"1.0\", \"id\": 7"));
      responses.add(caller.postJson("api/events", "{\"specversion\":\"1.0\"}"));
      responses.add(caller.send("POST", "api/channels/no-such-channel/pause", null, null));
    }

    SoftAssertions softly = new SoftAssertions();
    for (HttpResponse<String> response : responses) {
      String seen = response.headers().map() + "\n" + response.body();
      secrets.forEach(
          (what, secret) ->
              softly
                  .assertThat(seen)
                  .as(what + " in the response to " + response.request().uri())
                  .doesNotContain(secret));
    }
    for (Path log : logFiles()) {
      // JSON log lines (README "Logs") escape '/' as "\/"; a secret is looked for as written.
      String text = unescaped(Files.readString(log, StandardCharsets.ISO_8859_1));
      String withoutIncidents =
          log.toString().contains("ffdc") || log.getFileName().toString().startsWith("trace")
              ? ""
              : text.lines()
                  .filter(line -> !line.contains("FFDC1015I"))
                  .collect(java.util.stream.Collectors.joining("\n"));
      secrets.forEach(
          (what, secret) ->
              softly
                  .assertThat(what.startsWith("a spoilt JWT") ? withoutIncidents : text)
                  .as(what + " in " + log)
                  .doesNotContain(secret));
    }
    softly.assertAll();
    assertThat(logFiles()).as("the server's logs are where this test looks").isNotEmpty();
    assertThat(
            unescaped(Files.readString(LOGS.resolve("messages.log"), StandardCharsets.ISO_8859_1)))
        .as("Herald's own line for a refused token")
        .contains("Refused a bearer token on GET /api/event-types");
  }

  private static String unescaped(String log) {
    return log.replace("\\/", "/").replace("\\\"", "\"");
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String signature(String token) {
    return token.substring(token.lastIndexOf('.') + 1);
  }

  private static List<Path> logFiles() {
    try (Stream<Path> files = Files.walk(LOGS)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
