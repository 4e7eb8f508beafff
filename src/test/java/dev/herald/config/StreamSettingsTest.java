package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamSettingsTest {

  @Test
  void withoutConfigurationTheDefaultsApply() {
    StreamSettings settings = StreamSettings.from(settings(Map.of(), Map.of()));

    assertThat(settings).isEqualTo(StreamSettings.defaults());
    assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxClients()).isEqualTo(50);
    assertThat(settings.maxPending()).isEqualTo(100);
    assertThat(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void eachKeyMayComeFromItsEnvironmentVariable() {
    StreamSettings settings =
        StreamSettings.from(
            settings(
                Map.of("HERALD_STREAM_MAX_CLIENTS", "200", "HERALD_STREAM_HEARTBEAT_MS", "5000"),
                Map.of("herald.stream.max-pending", "16", "herald.stream.send-timeout-ms", "500")));

    assertThat(settings)
        .isEqualTo(new StreamSettings(Duration.ofSeconds(5), 200, 16, Duration.ofMillis(500)));
  }

  @Test
  void zeroOrLessIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () -> StreamSettings.from(settings(Map.of(), Map.of("herald.stream.max-clients", "0"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("herald.stream.max-clients is 0: give a number above 0");
    assertThatThrownBy(
            () ->
                StreamSettings.from(settings(Map.of(), Map.of("herald.stream.heartbeat-ms", "-1"))))
        .hasMessageStartingWith("herald.stream.heartbeat-ms is -1");
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
