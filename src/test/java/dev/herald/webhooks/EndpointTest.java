package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.events.Json;
import dev.herald.events.TypePattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {

  private static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");

  private final Endpoint endpoint =
      new Endpoint(
          "wh_1",
          "https://hooks.example.com/in",
          List.of(new TypePattern("chat.*")),
          "acme",
          true,
          null,
          AT,
          AT,
          WebhookSecret.generate(),
          null,
          null,
          null);

  @Test
  void itWantsEnabledMatchingTypesOfItsTenantOnly() {
    assertThat(endpoint.wants(event("chat.message.received", "acme"))).isTrue();
    assertThat(endpoint.wants(event("system.error", "acme"))).isFalse();
    assertThat(endpoint.wants(event("chat.message.received", "globex"))).isFalse();
    assertThat(endpoint.wants(event("chat.message.received", null))).isFalse();
    assertThat(endpoint.disabled("gone", AT).wants(event("chat.message.received", "acme")))
        .isFalse();
  }

  @Test
  void withoutATenantItWantsEveryTenantsEvents() {
    Endpoint anyTenant = endpoint.changed(endpoint.url(), endpoint.types(), null, true, AT);
    assertThat(anyTenant.wants(event("chat.message.received", "globex"))).isTrue();
    assertThat(anyTenant.wants(event("chat.message.received", null))).isTrue();
  }

  @Test
  void afterARotationBothSecretsSignUntilTheGraceEnds() {
    WebhookSecret next = WebhookSecret.generate();
    Endpoint rotated = endpoint.rotated(next, AT, AT.plus(Duration.ofHours(24)));

    assertThat(rotated.signingSecrets(AT.plusSeconds(60))).containsExactly(next, endpoint.secret());
    assertThat(rotated.signingSecrets(AT.plus(Duration.ofHours(24)))).containsExactly(next);
  }

  @Test
  void itsRecordValueReadsBackAsItWas() {
    Endpoint rotated =
        endpoint
            .rotated(WebhookSecret.generate(), AT, AT.plusSeconds(3600))
            .disabled("the endpoint answered 410", AT.plusSeconds(5));
    assertThat(Endpoint.fromJson(rotated.toJson())).isEqualTo(rotated);
    assertThat(Endpoint.fromJson(endpoint.toJson())).isEqualTo(endpoint);
  }

  @Test
  void anotherToolsRecordIsNoEndpoint() {
    assertThat(Endpoint.fromJson("{\"hello\":1}".getBytes())).isNull();
    assertThat(Endpoint.fromJson("not json".getBytes())).isNull();
  }

  @Test
  void itsTextShowsNeitherSecretNorUrl() {
    assertThat(endpoint.toString())
        .doesNotContain(endpoint.secret().value())
        .doesNotContain("hooks.example.com");
  }

  private static CloudEvent event(String type, String tenant) {
    return CloudEvent.builder()
        .id("e-1")
        .type(type)
        .source("/tests")
        .tenantid(tenant)
        .data(Json.MAPPER.readTree("{}"))
        .build();
  }

  @Test
  void itsFailingSinceSurvivesTheTopicAndReEnablingClearsIt() {
    Instant since = AT.plusSeconds(60);
    Endpoint failing = endpoint.failing(since);
    assertThat(Endpoint.fromJson(failing.toJson()).failingSince()).isEqualTo(since);
    assertThat(Endpoint.fromJson(endpoint.toJson()).failingSince()).isNull();
    Endpoint disabled = failing.disabled("failing too long", AT.plusSeconds(120));
    assertThat(disabled.failingSince()).isEqualTo(since);
    Endpoint enabledAgain =
        disabled.changed(
            disabled.url(), disabled.types(), disabled.tenantid(), true, AT.plusSeconds(180));
    assertThat(enabledAgain.failingSince()).isNull();
    assertThat(
            failing
                .changed(failing.url(), failing.types(), failing.tenantid(), true, AT)
                .failingSince())
        .as("a change to an enabled endpoint keeps its failures")
        .isEqualTo(since);
  }
}
