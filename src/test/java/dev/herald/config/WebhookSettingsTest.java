package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  @Test
  void withoutConfigurationTheDefaultsApply() {
    WebhookSettings settings = WebhookSettings.from(settings(Map.of(), Map.of()));

    assertThat(settings).isEqualTo(WebhookSettings.defaults());
    assertThat(settings.allowedCidrs()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.retrySchedule())
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    assertThat(settings.disableAfter()).isEqualTo(Duration.ofDays(5));
    assertThat(settings.maxResponseBytes()).isEqualTo(1024);
    assertThat(settings.rotationGrace()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.topic()).isEqualTo("herald-webhooks");
    assertThat(settings.groupId()).isEqualTo("herald-webhooks");
  }

  @Test
  void theEndpointsTopicTakesTheTopicsPrefix() {
    WebhookSettings settings =
        WebhookSettings.from(
            settings(
                Map.of(),
                Map.of(
                    "herald.topics.prefix", "staging.", "herald.webhooks.rotation-grace", "2h")));

    assertThat(settings.topic()).isEqualTo("staging.herald-webhooks");
    assertThat(settings.rotationGrace()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void theAllowListComesFromItsEnvironmentVariableAsMicroProfileConfigMapsIt() {
    WebhookSettings settings =
        WebhookSettings.from(
            settings(
                Map.of("HERALD_WEBHOOKS_ALLOWED_CIDRS", "127.0.0.0/8, fd00::/8"),
                Map.of("herald.webhooks.retry-schedule", "250ms, 1s,2m ,1h,1d")));

    assertThat(settings.allowedCidrs()).containsExactly("127.0.0.0/8", "fd00::/8");
    assertThat(settings.retrySchedule())
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofSeconds(1),
            Duration.ofMinutes(2),
            Duration.ofHours(1),
            Duration.ofDays(1));
  }

  @Test
  void aBadScheduleNamesTheKeyAndTheValue() {
    assertThatThrownBy(
            () ->
                WebhookSettings.from(
                    settings(Map.of(), Map.of("herald.webhooks.retry-schedule", "5s,ten minutes"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("herald.webhooks.retry-schedule")
        .hasMessageContaining("'ten minutes'")
        .hasMessageContaining("ms, s, m, h, d");
    assertThatThrownBy(
            () ->
                WebhookSettings.from(
                    settings(Map.of(), Map.of("herald.webhooks.retry-schedule", "5s,0m"))))
        .hasMessageContaining("herald.webhooks.retry-schedule");
    assertThatThrownBy(
            () ->
                WebhookSettings.from(
                    settings(Map.of(), Map.of("herald.webhooks.retry-schedule", " , "))))
        .hasMessageContaining("herald.webhooks.retry-schedule is empty");
  }

  @Test
  void badLimitsNameTheirKeys() {
    assertThatThrownBy(
            () ->
                WebhookSettings.from(
                    settings(Map.of(), Map.of("herald.webhooks.disable-after", "432000000"))))
        .hasMessageContaining("herald.webhooks.disable-after");
    assertThatThrownBy(
            () ->
                WebhookSettings.from(
                    settings(Map.of(), Map.of("herald.webhooks.timeout-ms", "15s"))))
        .hasMessageContaining("herald.webhooks.timeout-ms");
    assertThatThrownBy(
            () ->
                WebhookSettings.from(settings(Map.of(), Map.of("herald.webhooks.timeout-ms", "0"))))
        .hasMessageContaining("herald.webhooks.timeout-ms");
    assertThatThrownBy(
            () ->
                new WebhookSettings(
                    List.of(),
                    Duration.ofSeconds(1),
                    List.of(Duration.ofSeconds(1)),
                    Duration.ofDays(1),
                    -1,
                    Duration.ofHours(1),
                    "herald-webhooks",
                    "herald-webhooks",
                    "herald-webhook-deliveries",
                    "herald-webhook-senders",
                    4,
                    64))
        .hasMessageContaining("herald.webhooks.max-response-bytes");
  }

  private static Settings settings(
      Map<String, String> environment, Map<String, String> properties) {
    return new Settings(
        new SmallRyeConfigBuilder()
            .withSources(new EnvConfigSource(environment, 300))
            .withSources(new PropertiesConfigSource(properties, "test", 100))
            .build());
  }
}
