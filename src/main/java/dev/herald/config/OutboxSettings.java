package dev.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outboxes: one per name in {@code herald.outbox.sources}, each a table in a data
 * source of {@code server.xml} that Herald relays to Kafka. Every key may be set for all outboxes
 * ({@code herald.outbox.batch-size}) or for one ({@code herald.outbox.orders.batch-size}).
 *
 * @param sources the outboxes, the first being the one {@code Outbox.publish} writes to
 */
public record OutboxSettings(List<Source> sources) {

  public static final Setting SOURCES =
      new Setting(
          "herald.outbox.sources",
          "herald",
          "names of the outboxes Herald relays, the first being the one the Java API writes to;"
              + " empty relays none");
  public static final Setting DATASOURCE =
      new Setting(
          "herald.outbox[.<name>].datasource",
          "jdbc/herald",
          "JNDI name of the outbox's data source in server.xml");
  public static final Setting TABLE =
      new Setting("herald.outbox[.<name>].table", "herald_outbox", "the outbox table's name");
  public static final Setting CREATE_TABLE =
      new Setting(
          "herald.outbox[.<name>].create-table",
          "true",
          "whether Herald creates the outbox table (and its bucket table) when missing");
  public static final Setting RELAYS =
      new Setting(
          "herald.outbox[.<name>].relays",
          "2",
          "relay threads of this server on the outbox; each claims its own buckets of aggregates");
  public static final Setting BATCH_SIZE =
      new Setting(
          "herald.outbox[.<name>].batch-size", "500", "rows a relay publishes per transaction");
  public static final Setting POLL_INTERVAL_MS =
      new Setting(
          "herald.outbox[.<name>].poll-interval-ms",
          "20",
          "how long a relay waits after finding no pending row (a commit through the Java API"
              + " wakes it at once)");
  public static final Setting RETENTION_MINUTES =
      new Setting(
          "herald.outbox[.<name>].retention-minutes",
          "60",
          "how long published rows are kept; 0 deletes a row as soon as it is published");
  public static final Setting KEY =
      new Setting(
          "herald.outbox[.<name>].key",
          "aggregateid",
          "the record key: aggregateid (one aggregate's events in order) or tenantid");

  /** One outbox table and how it is relayed. */
  public record Source(
      String name,
      String datasource,
      String table,
      boolean createTable,
      int relays,
      int batchSize,
      Duration pollInterval,
      Duration retention,
      String key) {

    public Source {
      if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,50}")) {
        throw new IllegalStateException(
            TABLE.key(name) + " is '" + table + "': use letters, digits and _ (up to 51)");
      }
      if (!key.equals("aggregateid") && !key.equals("tenantid")) {
        throw new IllegalStateException(
            KEY.key(name) + " is '" + key + "': use aggregateid or tenantid");
      }
      positive(RELAYS.key(name), relays);
      positive(BATCH_SIZE.key(name), batchSize);
      positive(POLL_INTERVAL_MS.key(name), pollInterval.toMillis());
    }

    private static void positive(String key, long value) {
      if (value <= 0) {
        throw new IllegalStateException(key + " is " + value + ": it must be at least 1");
      }
    }
  }

  public static OutboxSettings from(Settings settings) {
    return new OutboxSettings(
        settings.list(SOURCES).stream().map(name -> source(settings, name)).toList());
  }

  private static Source source(Settings settings, String name) {
    return new Source(
        name,
        settings.raw(DATASOURCE, name).orElseThrow(),
        settings.raw(TABLE, name).orElseThrow(),
        settings.booleanValue(CREATE_TABLE, name),
        settings.intValue(RELAYS, name),
        settings.intValue(BATCH_SIZE, name),
        Duration.ofMillis(settings.longValue(POLL_INTERVAL_MS, name)),
        Duration.ofMinutes(settings.longValue(RETENTION_MINUTES, name)),
        settings.raw(KEY, name).orElseThrow().trim());
  }

  /** The outbox the Java API writes to by default; empty when none is configured. */
  public Optional<Source> first() {
    return sources.stream().findFirst();
  }

  public Optional<Source> source(String name) {
    return sources.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
