package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.deploy.KubernetesManifests;
import dev.herald.rest.RouteRules.Rule;
import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Every route of {@link RouteRules} on a server with the development users: without credentials
 * 401, as a user without the route's role 403 (where one is without it), as each user with it
 * neither. The requests change nothing: path parameters name nothing and bodies are refused after
 * the role check.
 */
@HeraldIT
class RoleMatrixIT {

  /** The users of one role each; the admin is in every rule. */
  private static final List<DevUser> SINGLE_ROLE_USERS =
      List.of(DevUser.PUBLISHER, DevUser.READER, DevUser.OPERATOR);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void withoutCredentialsEveryRouteAnswers401() {
    SoftAssertions softly = new SoftAssertions();
    for (Rule rule : RouteRules.RULES) {
      HttpResponse<String> response = call(herald.anonymous(), rule);
      softly
          .assertThat(response.statusCode())
          .as(describe(rule, "no credentials", response))
          .isEqualTo(401);
    }
    softly.assertAll();
  }

  @Test
  void aUserWithoutTheRoutesRoleGets403() {
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (Rule rule : RouteRules.RULES) {
      Optional<DevUser> outsider =
          SINGLE_ROLE_USERS.stream()
              .filter(user -> !rule.roles().contains(user.username()))
              .findFirst();
      if (outsider.isEmpty()) {
        continue; // every role may call it: GET /api/me
      }
      checked++;
      HttpResponse<String> response = call(herald.as(outsider.get()), rule);
      softly
          .assertThat(response.statusCode())
          .as(describe(rule, outsider.get(), response))
          .isEqualTo(403);
    }
    softly.assertAll();
    assertThat(checked).isEqualTo(RouteRules.RULES.size() - 1);
  }

  @Test
  void everyUserWithTheRoutesRoleGetsThrough() {
    SoftAssertions softly = new SoftAssertions();
    for (Rule rule : RouteRules.RULES) {
      for (DevUser user : insiders(rule)) {
        HttpResponse<String> response = call(herald.as(user), rule);
        softly
            .assertThat(response.statusCode())
            .as(describe(rule, user, response))
            .isNotIn(401, 403);
      }
    }
    softly.assertAll();
  }

  @Test
  void anUnauthorizedAnswerCarriesAChallengeAndAProblem() {
    HttpResponse<String> anonymous = herald.anonymous().get("api/stats");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(anonymous.body()).contains("\"status\":401").contains("Security");
  }

  @Test
  void aForbiddenAnswerNamesTheRoutesRoles() {
    HttpResponse<String> response = herald.as(DevUser.PUBLISHER).get("api/stats");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body())
        .contains("Forbidden: this route needs role reader, operator or admin")
        .contains("\"status\":403");
  }

  /** Each development user is told its name and its one role, and is bound to no tenant. */
  @Test
  void meSaysWhoIsCallingAndWithWhichRoles() {
    SoftAssertions softly = new SoftAssertions();
    for (DevUser user : DevUser.values()) {
      HttpResponse<String> response = herald.as(user).get("api/me");
      softly.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonObject me = HeraldClient.json(response.body());
      softly.assertThat(me.getString("user")).as(response.body()).isEqualTo(user.username());
      softly
          .assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString))
          .as(response.body())
          .containsExactly(user.username());
      softly
          .assertThat(!me.containsKey("tenants") || me.isNull("tenants"))
          .as("a Basic user is bound to no tenant: " + response.body())
          .isTrue();
    }
    softly.assertAll();
  }

  /**
   * An operator action writes a line to the server's log ({@link AuditFilter}), also when it is
   * refused: who tried, the route and the answer.
   */
  @Test
  void everyCallOfAnOperatorActionIsInTheServerLog() {
    String channel = "audit-" + System.nanoTime();
    String path = "api/channels/" + channel + "/pause";
    assertThat(herald.anonymous().send("POST", path, null, null).statusCode()).isEqualTo(401);
    assertThat(herald.as(DevUser.READER).send("POST", path, null, null).statusCode())
        .isEqualTo(403);
    assertThat(herald.as(DevUser.OPERATOR).send("POST", path, null, null).statusCode())
        .isEqualTo(404);

    Path log = Path.of(System.getProperty("herald.wlp"), SERVER_LOG);
    String action = "action=\"POST /api/channels/{channel}/pause\" path=/" + path;
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                            .lines()
                            .map(RoleMatrixIT::message)
                            .filter(l -> l.contains(path)))
                    .anySatisfy(l -> assertThat(l).contains("user=- " + action + " status=401"))
                    .anySatisfy(
                        l -> assertThat(l).contains("user=reader " + action + " status=403"))
                    .anySatisfy(
                        l -> assertThat(l).contains("user=operator " + action + " status=404"))
                    .allSatisfy(l -> assertThat(l).contains(" at=")));
  }

  @Test
  void healthAndMetricsNeedNoCredentials() {
    HeraldClient anonymous = herald.anonymous();

    assertThat(anonymous.get("health/live").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("health").statusCode()).isIn(200, 503);
    assertThat(anonymous.get("metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void everyProbeOfTheKubernetesManifestsAnswersUpWithoutCredentials() {
    HeraldClient anonymous = herald.anonymous();
    List<String> paths = KubernetesManifests.read().probePaths();
    assertThat(paths).hasSize(3);

    for (String path : paths) {
      await(path + " UP")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                HttpResponse<String> response = anonymous.get(path.substring(1));
                assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
                assertThat(HeraldClient.json(response.body()).getString("status"))
                    .as(path)
                    .isEqualTo("UP");
              });
    }
  }

  /** The Arquillian server's log, under the Liberty installation ({@code herald.wlp}). */
  private static final String SERVER_LOG =
      "usr/servers/"
          + System.getProperty("herald.server.name", "defaultServer")
          + "/logs/messages.log";

  private static Stream<DevUser> insidersOf(Rule rule) {
    return Stream.of(DevUser.values()).filter(user -> rule.roles().contains(user.username()));
  }

  private static List<DevUser> insiders(Rule rule) {
    List<DevUser> users = insidersOf(rule).toList();
    assertThat(users).as("development users in the roles of %s", rule).isNotEmpty();
    return users;
  }

  private static HttpResponse<String> call(HeraldClient client, Rule rule) {
    String path = rule.samplePath().substring(1);
    return client.send(
        rule.method(), path, rule.body() == null ? null : "application/json", rule.body());
  }

  private static String describe(Rule rule, Object caller, HttpResponse<String> response) {
    return rule.method()
        + " "
        + rule.samplePath()
        + " as "
        + caller
        + " answered "
        + response.statusCode()
        + ": "
        + response.body();
  }

  /** The message of a JSON log line (messages.log is JSON, README "Logs"), or the line itself. */
  private static String message(String line) {
    return line.startsWith("{")
        ? jakarta.json.Json.createReader(new java.io.StringReader(line))
            .readObject()
            .getString("message", line)
        : line;
  }
}
