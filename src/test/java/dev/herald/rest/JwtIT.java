package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile JWT beside HTTP Basic on the test server, which trusts {@link TestTokens}' issuer: a
 * valid token acts in the roles of its groups claim; a token spoilt in any one way is refused with
 * the same 401 as no credentials; Basic requests are untouched by the JWT check.
 */
@HeraldIT
class JwtIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @Test
  void aValidTokenActsInTheRolesOfItsGroupsClaim() {
    HeraldClient reader = herald.bearer(TestTokens.forUser("jwt-reader", Roles.READER).sign());
    HeraldClient publisher =
        herald.bearer(TestTokens.forUser("jwt-publisher", Roles.PUBLISHER).sign());
    String id = TestEvents.newId();
    String event = TestEvents.chatMessage(id, "tenant-jwt", "");

    assertThat(reader.get("api/event-types").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = reader.postJson("api/events", event);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    HttpResponse<String> published = publisher.postJson("api/events", event);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
    JsonObject outcome = herald.awaitOutcome(id);
    assertThat(outcome.getString("tenantid")).isEqualTo("tenant-jwt");
  }

  @Test
  void aSpoiltTokenGetsTheSame401AsNoCredentialsWithoutSayingWhy() {
    Map<String, String> spoilt = new LinkedHashMap<>();
    spoilt.put(
        "wrong issuer",
        TestTokens.forUser("u", Roles.READER).issuer("https://elsewhere.test").sign());
    spoilt.put("wrong audience", TestTokens.forUser("u", Roles.READER).audience("other").sign());
    spoilt.put(
        "expired", TestTokens.forUser("u", Roles.READER).expired(Duration.ofMinutes(20)).sign());
    spoilt.put(
        "not yet valid",
        TestTokens.forUser("u", Roles.READER).notBefore(Duration.ofMinutes(20)).sign());
    spoilt.put("alg none", TestTokens.forUser("u", Roles.READER).unsigned());
    spoilt.put("bad signature", TestTokens.forUser("u", Roles.READER).signedByStranger().sign());
    String valid = TestTokens.forUser("u", Roles.READER).sign();
    spoilt.put("tampered payload", tamper(valid));
    spoilt.put("not a JWT", "not-a-token");

    HttpResponse<String> anonymous = herald.anonymous().get("api/event-types");
    String detail = HeraldClient.json(anonymous.body()).getString("detail");
    SoftAssertions softly = new SoftAssertions();
    spoilt.forEach(
        (what, token) -> {
          HttpResponse<String> response = herald.bearer(token).get("api/event-types");
          softly.assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
          softly
              .assertThat(response.headers().firstValue("Content-Type"))
              .as(what)
              .hasValue(Problem.MEDIA_TYPE);
          softly
              .assertThat(HeraldClient.json(response.body()).getString("detail"))
              .as(what + " says no more than a missing login")
              .isEqualTo(detail);
          softly.assertThat(response.body()).as(what).doesNotContain(token);
        });
    softly.assertAll();
    assertThat(herald.bearer(valid).get("api/event-types").statusCode()).isEqualTo(200);
  }

  /**
   * The trap of open-liberty #16538: the JWT check marked a response 401 with a Bearer challenge
   * even when Basic then logged the caller in. Here a Basic request never meets the JWT check.
   */
  @Test
  void basicLoginIsUntouchedByTheJwtCheck() {
    HttpResponse<String> response = herald.as(DevUser.READER).get("api/event-types");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
    assertThat(herald.as(DevUser.READER).postJson("api/events", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void aBadTokenIsNotRescuedByBasicCredentialsNorTheOtherWayRound() throws Exception {
    String reader = TestTokens.forUser("jwt-reader", Roles.READER).sign();

    assertThat(sendWith("Bearer not-a-token", DevUser.READER.basicAuthorization()))
        .as("a bad token beside good Basic credentials")
        .isEqualTo(401);
    assertThat(sendWith("Bearer " + reader, DevUser.READER.basicAuthorization()))
        .as("a good token beside good Basic credentials")
        .isEqualTo(200);
    assertThat(sendWith("Bearer " + reader, "Basic " + "cmVhZGVyOndyb25n"))
        .as("a good token beside a wrong Basic password")
        .isEqualTo(200);
  }

  /** The status of {@code GET /api/event-types} with two {@code Authorization} headers. */
  private int sendWith(String first, String second) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(herald.base().resolve("api/event-types"))
            .header("Authorization", first)
            .header("Authorization", second)
            .timeout(Duration.ofSeconds(30))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** The token with one character of its payload changed, its signature kept. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    char[] payload = parts[1].toCharArray();
    payload[5] = payload[5] == 'A' ? 'B' : 'A';
    return parts[0] + "." + new String(payload) + "." + parts[2];
  }
}
