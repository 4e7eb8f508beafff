package dev.herald.config;

import java.util.Set;

/** Consuming and routing: record size, concurrency, which handlers run, outcomes kept. */
public record ConsumeSettings(
    int maxEventBytes,
    int maxInFlight,
    Set<String> disabledHandlers,
    int outcomesRetained,
    long commitIntervalMs,
    long stopWaitMs,
    long revokeWaitMs) {

  public static final Setting MAX_EVENT_BYTES =
      new Setting("herald.consume.max-event-bytes", "1000000", "larger records are dead-lettered");
  public static final Setting MAX_IN_FLIGHT =
      new Setting(
          "herald.consume.max-in-flight",
          "1",
          "lanes of a channel: records of different keys handled at once (one key is always in"
              + " order)");
  public static final Setting COMMIT_INTERVAL_MS =
      new Setting(
          "herald.consume.commit-interval-ms",
          "500",
          "how often a channel commits the offsets of what it handled (asynchronously)");
  public static final Setting STOP_WAIT_MS =
      new Setting(
          "herald.consume.stop-wait-ms",
          "10000",
          "how long a stopping channel waits for the records in hand before its last commit");
  public static final Setting REVOKE_WAIT_MS =
      new Setting(
          "herald.consume.revoke-wait-ms",
          "10000",
          "how long a rebalance waits for the handler calls running on a partition this server"
              + " hands over, before it commits what was handled (keep it well below"
              + " max.poll.interval.ms)");
  public static final Setting DISABLED_HANDLERS =
      new Setting(
          "herald.handlers.disabled",
          null,
          "handler names (audit, analytics, notification, ...) that are not called");
  public static final Setting OUTCOMES_RETAINED =
      new Setting(
          "herald.outcomes.retained", "10000", "handler outcomes kept for GET /api/events/{id}");

  public ConsumeSettings {
    disabledHandlers = Set.copyOf(disabledHandlers);
  }

  public static ConsumeSettings from(Settings settings) {
    return new ConsumeSettings(
        settings.intValue(MAX_EVENT_BYTES),
        settings.intValue(MAX_IN_FLIGHT),
        Set.copyOf(settings.list(DISABLED_HANDLERS)),
        settings.intValue(OUTCOMES_RETAINED),
        settings.longValue(COMMIT_INTERVAL_MS),
        settings.longValue(STOP_WAIT_MS),
        settings.longValue(REVOKE_WAIT_MS));
  }

  /** The defaults, as a server without configuration has them. */
  public static ConsumeSettings defaults() {
    return new ConsumeSettings(1_000_000, 1, Set.of(), 10_000, 500, 10_000, 10_000);
  }
}
