package dev.herald.config;

import dev.herald.api.TransientHandlerException;
import java.util.List;
import java.util.Optional;

/**
 * Retries of transient handler failures, per channel ({@code herald.retry.<channel>.<key>}) or for
 * all ({@code herald.retry.<key>}): in place with backoff, then on retry topics.
 */
public final class RetrySettings {

  public static final Setting MAX_ATTEMPTS =
      new Setting("herald.retry[.<channel>].max-attempts", "3", "calls of a handler per record");
  public static final Setting INITIAL_BACKOFF_MS =
      new Setting(
          "herald.retry[.<channel>].initial-backoff-ms", "200", "wait before the first retry");
  public static final Setting MULTIPLIER =
      new Setting("herald.retry[.<channel>].multiplier", "2", "growth of the wait per retry");
  public static final Setting MAX_BACKOFF_MS =
      new Setting("herald.retry[.<channel>].max-backoff-ms", "5000", "longest wait");
  public static final Setting JITTER =
      new Setting(
          "herald.retry[.<channel>].jitter", "0.2", "random share of each wait, 0 ≤ jitter < 1");
  public static final Setting ATTEMPT_TIMEOUT_MS =
      new Setting(
          "herald.retry[.<channel>].attempt-timeout-ms",
          "10000",
          "a blocking handler's call that takes longer fails (transiently); 0 for no limit");
  public static final Setting TOPIC_DELAYS_MS =
      new Setting(
          "herald.retry[.<channel>].topic-delays-ms",
          null,
          "retry topics after the in-place retries, e.g. 30000,300000 → <topic>.retry.30s,"
              + " <topic>.retry.5m");
  public static final Setting GROUP_ID =
      new Setting("herald.retry.group-id", "herald-retry", "consumer group of the retry topics");
  public static final Setting RETRYABLE_EXCEPTIONS =
      new Setting(
          "herald.retry.retryable-exceptions",
          TransientHandlerException.class.getName()
              + ",java.util.concurrent.TimeoutException,java.io.IOException,"
              + "org.apache.kafka.common.errors.RetriableException",
          "exception classes (and subclasses, anywhere in the cause chain) that are retried");

  /** SmallRye's limit on how long a record may stay unacknowledged (throttled commits). */
  static final String MAX_RECORD_AGE = "throttled.unprocessed-record-max-age.ms";

  private final Settings settings;

  public RetrySettings(Settings settings) {
    this.settings = settings;
  }

  public int maxAttempts(String channel) {
    return settings.intValue(MAX_ATTEMPTS, channel);
  }

  public long initialBackoffMs(String channel) {
    return settings.longValue(INITIAL_BACKOFF_MS, channel);
  }

  public double multiplier(String channel) {
    return settings.doubleValue(MULTIPLIER, channel);
  }

  public long maxBackoffMs(String channel) {
    return settings.longValue(MAX_BACKOFF_MS, channel);
  }

  public double jitter(String channel) {
    return settings.doubleValue(JITTER, channel);
  }

  public long attemptTimeoutMs(String channel) {
    return settings.longValue(ATTEMPT_TIMEOUT_MS, channel);
  }

  /** The retry topic delays of a channel, as configured; empty for none. */
  public Optional<String> topicDelaysMs(String channel) {
    return settings.raw(TOPIC_DELAYS_MS, channel);
  }

  public String groupId() {
    return settings.text(GROUP_ID);
  }

  public List<String> retryableExceptions() {
    return settings.list(RETRYABLE_EXCEPTIONS);
  }

  /** The key of SmallRye's unacknowledged-record limit for a channel. */
  public static String maxRecordAgeKey(String channel) {
    return "mp.messaging.incoming." + channel + "." + MAX_RECORD_AGE;
  }

  /** SmallRye's unacknowledged-record limit of a channel, in ms (60 s unless set). */
  public long maxRecordAgeMs(String channel) {
    return settings
        .config()
        .getOptionalValue(maxRecordAgeKey(channel), Long.class)
        .or(
            () ->
                settings
                    .config()
                    .getOptionalValue(KafkaClients.CONNECTOR_PREFIX + MAX_RECORD_AGE, Long.class))
        .orElse(60_000L);
  }
}
