package dev.herald.config;

import java.time.Duration;
import java.util.Optional;

/** The store of completed (handler, event id) pairs. */
public record IdempotencySettings(
    String store, int capacity, Optional<String> datasource, String jdbcUrl, Duration retention) {

  public static final Setting STORE =
      new Setting("herald.idempotency.store", "memory", "memory or jdbc");
  public static final Setting CAPACITY =
      new Setting("herald.idempotency.capacity", "100000", "pairs the memory store keeps");
  public static final Setting DATASOURCE =
      new Setting(
          "herald.idempotency.datasource",
          null,
          "JNDI name of a data source of server.xml for the jdbc store");
  public static final Setting JDBC_URL =
      new Setting(
          "herald.idempotency.jdbc-url",
          "jdbc:h2:async:./herald-data/idempotency;WRITE_DELAY=0",
          "the jdbc store's embedded database when no data source is named");
  public static final Setting RETENTION_HOURS =
      new Setting(
          "herald.idempotency.retention-hours", "168", "how long the jdbc store keeps a pair");

  public static IdempotencySettings from(Settings settings) {
    return new IdempotencySettings(
        settings.text(STORE),
        settings.intValue(CAPACITY),
        settings.raw(DATASOURCE),
        settings.text(JDBC_URL),
        Duration.ofHours(settings.longValue(RETENTION_HOURS)));
  }
}
