package dev.herald.config;

import java.time.Duration;

/**
 * Dead-letter operations: how fast a redrive task moves dead letters, where the redriven marks are
 * kept and how often other servers' marks are read, and how long each Kafka call may take.
 *
 * @param redrivesTopic the compacted topic of redriven marks, with {@code herald.topics.prefix}
 */
public record DeadLetterSettings(
    int redriveRate, String redrivesTopic, Duration redrivesRefresh, Duration timeout) {

  public static final Setting REDRIVE_RATE =
      new Setting(
          "herald.dead-letters.redrive-rate",
          "500",
          "dead letters a redrive task sends back per second");
  public static final Setting REDRIVES_TOPIC =
      new Setting(
          "herald.dead-letters.redrives-topic",
          "herald-redrives",
          "compacted topic (after herald.topics.prefix) that records which dead letters were"
              + " redriven, shared by every server; created when missing");
  public static final Setting REDRIVES_REFRESH_MS =
      new Setting(
          "herald.dead-letters.redrives-refresh-ms",
          "3000",
          "how old this server's copy of the redrives topic may get before it reads other servers'"
              + " redrives again");
  public static final Setting TIMEOUT_MS =
      new Setting(
          "herald.dead-letters.timeout-ms",
          "10000",
          "timeout of each Kafka call of the dead-letter operations (listing, redrive, purge)");

  public static DeadLetterSettings from(Settings settings) {
    int rate = settings.intValue(REDRIVE_RATE);
    if (rate <= 0) {
      throw new IllegalStateException(
          REDRIVE_RATE.key()
              + " is "
              + rate
              + ": set a positive number of dead letters per second");
    }
    String prefix = settings.raw(EventChannels.TOPICS_PREFIX).orElse("");
    return new DeadLetterSettings(
        rate,
        prefix + settings.text(REDRIVES_TOPIC),
        Duration.ofMillis(settings.longValue(REDRIVES_REFRESH_MS)),
        Duration.ofMillis(settings.longValue(TIMEOUT_MS)));
  }
}
