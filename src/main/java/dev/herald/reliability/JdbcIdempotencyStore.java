package dev.herald.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Completed (handler, event id) pairs in a database table, so that they survive a restart or a
 * crash. Works with the embedded H2 database Herald bundles or any data source configured in {@code
 * server.xml}. Rows older than the retention are purged.
 */
public class JdbcIdempotencyStore implements IdempotencyStore, AutoCloseable {

  static final String TABLE = "herald_handled";

  private final DataSource dataSource;
  private final Duration retention;

  public JdbcIdempotencyStore(DataSource dataSource, Duration retention) {
    this.dataSource = dataSource;
    this.retention = retention;
    createTable();
  }

  @Override
  public boolean isCompleted(String handler, String eventId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT 1 FROM " + TABLE + " WHERE handler = ? AND event_id = ?")) {
      select.setString(1, handler);
      select.setString(2, eventId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Idempotency store cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void markCompleted(String handler, String eventId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + TABLE + " (handler, event_id, handled_at) VALUES (?, ?, ?)")) {
      insert.setString(1, handler);
      insert.setString(2, eventId);
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      // completed before: a redelivery that raced the first delivery; nothing to record
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw new IllegalStateException(
            "Idempotency store cannot be written: " + e.getMessage(), e);
      }
    }
  }

  /** Deletes the rows older than the retention; returns how many. */
  public int purge() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + TABLE + " WHERE handled_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Idempotency store cannot be purged: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // the data source owns the connections
  }

  private void createTable() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (tableExists(connection)) {
        return;
      }
      try {
        statement.executeUpdate(
            "CREATE TABLE "
                + TABLE
                + " (handler VARCHAR(200) NOT NULL, event_id VARCHAR(255) NOT NULL,"
                + " handled_at TIMESTAMP NOT NULL, PRIMARY KEY (handler, event_id))");
        statement.executeUpdate(
            "CREATE INDEX " + TABLE + "_handled_at ON " + TABLE + " (handled_at)");
      } catch (SQLException e) {
        if (!tableExists(connection)) {
          throw e;
        } // else another server sharing the database created it at the same moment
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Idempotency store cannot create table " + TABLE + ": " + e.getMessage(), e);
    }
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
      while (tables.next()) {
        if (TABLE.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }
}
