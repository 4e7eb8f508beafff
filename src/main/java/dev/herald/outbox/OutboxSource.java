package dev.herald.outbox;

import dev.herald.config.OutboxSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One configured outbox at run time: its data source and table, whether the database answers, what
 * the table holds (read every few seconds) and what this server's relays did.
 */
public final class OutboxSource {

  private static final Logger LOG = Logger.getLogger(OutboxSource.class.getName());

  private final OutboxSettings.Source settings;
  private final OutboxMonitor monitor;
  private final OutboxTable table;
  private final AtomicReference<DataSource> dataSource = new AtomicReference<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final AtomicReference<OutboxCounts> counts = new AtomicReference<>(OutboxCounts.NONE);
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failedRows = new AtomicLong();
  private final Object wakeup = new Object();
  private volatile boolean prepared;
  private long wakeups;

  OutboxSource(OutboxSettings.Source settings, OutboxMonitor monitor) {
    this.settings = settings;
    this.monitor = monitor;
    this.table = new OutboxTable(settings.table());
  }

  public String name() {
    return settings.name();
  }

  public OutboxSettings.Source settings() {
    return settings;
  }

  OutboxTable table() {
    return table;
  }

  void dataSource(DataSource dataSource) {
    this.dataSource.set(dataSource);
  }

  /**
   * A connection for a caller's write, in the caller's transaction; no DDL runs on it (the relays
   * create the table at start).
   */
  Connection writeConnection() throws SQLException {
    return dataSource().getConnection();
  }

  /** A connection of the outbox's data source; the table is created first when configured. */
  Connection connection() throws SQLException {
    Connection connection = dataSource().getConnection();
    if (!prepared) {
      try {
        prepare(connection);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
  }

  private DataSource dataSource() throws SQLException {
    DataSource source = dataSource.get();
    if (source == null) {
      throw new SQLException(
          "no data source '"
              + settings.datasource()
              + "' in server.xml (set "
              + OutboxSettings.DATASOURCE.key(settings.name())
              + ")");
    }
    return source;
  }

  private synchronized void prepare(Connection connection) throws SQLException {
    if (prepared) {
      return;
    }
    if (settings.createTable() && !table.create(connection)) {
      LOG.warning(
          "Outbox '"
              + name()
              + "': Herald has DDL for H2 and PostgreSQL only; create table "
              + table.name()
              + " and "
              + table.name()
              + "_buckets yourself (README \"Outbox\") or set "
              + OutboxSettings.CREATE_TABLE.key(name())
              + "=false");
    }
    prepared = true;
  }

  /** Why the database cannot be used, or empty while it answers. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure.get());
  }

  void failing(Exception e) {
    String reason =
        "outbox '"
            + name()
            + "' ("
            + settings.datasource()
            + ", table "
            + table.name()
            + "): "
            + e.getMessage();
    if (failure.getAndSet(reason) == null) {
      LOG.warning(reason + "; the relay tries again until the database answers");
    }
  }

  void answering() {
    if (failure.getAndSet(null) != null) {
      LOG.info("Outbox '" + name() + "': the database answers again");
    }
  }

  public OutboxCounts counts() {
    return counts.get();
  }

  void counted(OutboxCounts now) {
    counts.set(now);
  }

  /** Seconds since the oldest pending row was written; 0 when none is pending. */
  public double oldestPendingSeconds() {
    Instant oldest = counts.get().oldestPending();
    return oldest == null
        ? 0
        : Math.max(0, (System.currentTimeMillis() - oldest.toEpochMilli())) / 1000.0;
  }

  /** Rows this server's relays published since it started. */
  public long published() {
    return published.get();
  }

  /** Rows this server's relays marked failed since it started. */
  public long failedRows() {
    return failedRows.get();
  }

  void publishedSome(int count) {
    published.addAndGet(count);
    monitor.published(name(), count);
  }

  void failedOne(OutboxRow row, String reason) {
    failedRows.incrementAndGet();
    monitor.failed(name());
    LOG.warning(
        "Outbox '"
            + name()
            + "': row "
            + row.id()
            + " ("
            + row.type()
            + ") failed and is kept with the reason: "
            + reason
            + "; POST /api/outbox/"
            + name()
            + "/failed/"
            + row.id()
            + "/retry sends it again");
  }

  /** Wakes every relay: a transaction wrote rows. */
  public void wake() {
    synchronized (wakeup) {
      wakeups++;
      wakeup.notifyAll();
    }
  }

  /** How many wake-ups there were; a relay notes it before a round, so that none is missed. */
  long wakeups() {
    synchronized (wakeup) {
      return wakeups;
    }
  }

  /** Waits until a wake-up after the {@code since}-th one, or until {@code millis} passed. */
  void idle(long millis, long since) throws InterruptedException {
    long until = System.nanoTime() + millis * 1_000_000;
    synchronized (wakeup) {
      while (wakeups == since) {
        long left = (until - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return;
        }
        wakeup.wait(left);
      }
    }
  }
}
