package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.Violation;
import dev.herald.events.Json;
import dev.herald.webhooks.EndpointChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBodiesTest {

  private static WebhookBodies.Registration registration(String json) {
    return WebhookBodies.registration(Json.MAPPER.readTree(json));
  }

  private static List<String> refused(Runnable read) {
    List<String> pointers = new java.util.ArrayList<>();
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              e.problem().errors().stream().map(Violation::pointer).forEach(pointers::add);
            });
    return pointers;
  }

  @Test
  void aRegistrationHasAUrlTypesAndMaybeATenant() {
    WebhookBodies.Registration read =
        registration(
            """
            {"url": "https://hooks.example.com/h", "types": ["chat.*", "system.error"],
             "tenantid": "acme"}""");

    assertThat(read.url()).isEqualTo("https://hooks.example.com/h");
    assertThat(read.types()).hasSize(2);
    assertThat(read.tenantid()).isEqualTo("acme");
    assertThat(registration("{\"url\": \"https://h.example\", \"types\": [\"*\"]}").tenantid())
        .isNull();
  }

  @Test
  void everyWrongMemberOfARegistrationIsListedAtOnce() {
    assertThat(refused(() -> registration("{\"enabled\": true, \"secret\": \"x\"}")))
        .containsExactlyInAnyOrder("/url", "/types", "/enabled", "/secret");
    assertThat(refused(() -> registration("[]"))).containsExactly("");
    assertThat(
            refused(
                () ->
                    registration(
                        "{\"url\": 7, \"types\": [\"chat.*\", 3, \"ch*at\"], \"tenantid\": \"\"}")))
        .containsExactlyInAnyOrder("/url", "/types/1", "/types/2", "/tenantid");
    assertThat(refused(() -> registration("{\"url\": \"https://h.example\", \"types\": []}")))
        .containsExactly("/types");
  }

  @Test
  void urlsTenantsAndTypeListsAreBounded() {
    String longUrl = "https://h.example/" + "a".repeat(WebhookBodies.MAX_URL_LENGTH);
    String manyTypes =
        "["
            + String.join(",", java.util.Collections.nCopies(WebhookBodies.MAX_TYPES + 1, "\"*\""))
            + "]";
    String longTenant = "t".repeat(WebhookBodies.MAX_TENANT_LENGTH + 1);

    assertThat(
            refused(
                () ->
                    registration(
                        "{\"url\": \""
                            + longUrl
                            + "\", \"types\": "
                            + manyTypes
                            + ", \"tenantid\": \""
                            + longTenant
                            + "\"}")))
        .containsExactlyInAnyOrder("/url", "/types", "/tenantid");
  }

  @Test
  void aChangeNamesOnlyWhatChangesAndNullClearsTheTenant() {
    EndpointChange change =
        WebhookBodies.change(Json.MAPPER.readTree("{\"enabled\": false, \"tenantid\": null}"));

    assertThat(change.url()).isNull();
    assertThat(change.types()).isNull();
    assertThat(change.enabled()).isFalse();
    assertThat(change.tenantGiven()).isTrue();
    assertThat(change.tenantid()).isNull();
    assertThat(WebhookBodies.change(Json.MAPPER.readTree("{}")).tenantGiven()).isFalse();
    assertThat(refused(() -> WebhookBodies.change(Json.MAPPER.readTree("{\"enabled\": \"yes\"}"))))
        .containsExactly("/enabled");
  }

  @org.junit.jupiter.api.Test
  void aRecoveryNeedsAPastRfc3339TimeAndNothingElse() {
    java.time.Instant now = java.time.Instant.parse("2026-12-02T10:00:00Z");
    org.assertj.core.api.Assertions.assertThat(
            WebhookBodies.since(
                Json.MAPPER.readTree("{\"since\": \"2026-12-01T08:00:00+01:00\"}"), now))
        .isEqualTo(java.time.Instant.parse("2026-12-01T07:00:00Z"));
    for (String body :
        new String[] {
          "{}",
          "[]",
          "{\"since\": 5}",
          "{\"since\": \"yesterday\"}",
          "{\"since\": \"2026-12-03T00:00:00Z\"}",
          "{\"since\": \"2026-12-01T00:00:00Z\", \"until\": \"x\"}"
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> WebhookBodies.since(Json.MAPPER.readTree(body), now))
          .as(body)
          .isInstanceOf(ProblemException.class);
    }
  }
}
