package dev.herald.config;

import java.time.Duration;

/** The background broker check and topic creation. */
public record ProbeSettings(Duration interval, Duration timeout, boolean createTopics) {

  public static final Setting INTERVAL_MS =
      new Setting("herald.probe.interval-ms", "5000", "broker check period");
  public static final Setting TIMEOUT_MS =
      new Setting("herald.probe.timeout-ms", "3000", "timeout of each call of the broker check");
  public static final Setting CREATE_TOPICS =
      new Setting(
          "herald.topics.create",
          "true",
          "create missing channel, dead-letter and retry topics with the broker's defaults");

  public static ProbeSettings from(Settings settings) {
    return new ProbeSettings(
        Duration.ofMillis(settings.longValue(INTERVAL_MS)),
        Duration.ofMillis(settings.longValue(TIMEOUT_MS)),
        settings.booleanValue(CREATE_TOPICS));
  }
}
