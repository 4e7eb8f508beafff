package dev.herald.config;

import java.time.Duration;

/** Publishing: REST limits and how long a publish waits for the broker. */
public record PublishSettings(
    long maxEventBytes, long maxBatchBytes, int maxBatchSize, Duration timeout) {

  public static final Setting MAX_EVENT_BYTES =
      new Setting(
          "herald.publish.max-event-bytes",
          "1048576",
          "largest body of POST /api/events (413 beyond)");
  public static final Setting MAX_BATCH_BYTES =
      new Setting(
          "herald.publish.max-batch-bytes",
          "16777216",
          "largest body of POST /api/events/batch (413 beyond)");
  public static final Setting MAX_BATCH_SIZE =
      new Setting("herald.publish.max-batch-size", "1000", "most events in one batch (413 beyond)");
  public static final Setting TIMEOUT_MS =
      new Setting(
          "herald.publish.timeout-ms",
          "40000",
          "a publish the broker has not acknowledged by then fails (503 on REST)");

  public static PublishSettings from(Settings settings) {
    return new PublishSettings(
        settings.longValue(MAX_EVENT_BYTES),
        settings.longValue(MAX_BATCH_BYTES),
        settings.intValue(MAX_BATCH_SIZE),
        Duration.ofMillis(settings.longValue(TIMEOUT_MS)));
  }
}
