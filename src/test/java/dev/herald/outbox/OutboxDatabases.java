package dev.herald.outbox;

import dev.herald.testing.TestEvents;
import dev.herald.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The integration tests' outboxes, reached from the test JVM as another service would: {@code
 * herald} in the server's embedded H2 database (opened through H2's automatic server mode), {@code
 * orders} in the tests' PostgreSQL server.
 */
enum OutboxDatabases {
  H2("herald", "herald", "herald_outbox"),
  POSTGRESQL("orders", "orders", "orders_outbox");

  final String source;
  final String datasource;
  final String table;

  OutboxDatabases(String source, String datasource, String table) {
    this.source = source;
    this.datasource = datasource;
    this.table = table;
  }

  /** A connection; on H2 a lock waits up to 20 s, as eight writers on a busy server may. */
  Connection connect() throws SQLException {
    if (this == H2) {
      Path file =
          Path.of(System.getProperty("herald.wlp", "target/liberty/wlp"))
              .resolve(
                  "usr/servers/"
                      + System.getProperty("herald.server.name", "defaultServer")
                      + "/herald-data/outbox")
              .toAbsolutePath();
      return DriverManager.getConnection(
          "jdbc:h2:async:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000", "herald", "");
    }
    return DriverManager.getConnection(TestPostgres.get().jdbcUrl(), TestPostgres.get().user(), "");
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Inserts an outbox row with plain SQL, as a service in any language would. */
  void insert(Connection connection, String id, String aggregate, String payload)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (id, aggregatetype, aggregateid, type, payload, source, schemaversion,"
                + " tenantid) VALUES (?, 'order', ?, ?, ?, '/orders', '1', 'acme')")) {
      insert.setString(1, id);
      insert.setString(2, aggregate);
      insert.setString(3, TestEvents.TYPE);
      insert.setString(4, payload);
      insert.executeUpdate();
    }
  }

  /** The row's status, or empty when there is no row (never written, or published and deleted). */
  Optional<String> status(String id) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT status FROM " + table + " WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  long count(String sql, String parameter) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
