package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresProcessTest {

  private static final int PORT = 19433;

  private static PostgresProcess postgres;

  @BeforeAll
  static void initialize() {
    postgres = new PostgresProcess(Path.of("target/postgres-process-test"), PORT);
    postgres.initialize();
    postgres.start();
    postgres.createDatabase("herald");
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.stop();
    }
  }

  @Test
  void keepsItsDataAcrossStopAndKill() throws SQLException {
    assertThat(postgres.jdbcUrl("herald"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + PORT + "/herald");
    try (Connection connection = postgres.connect("herald");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE note (id INT PRIMARY KEY, text TEXT NOT NULL)");
      statement.execute("INSERT INTO note VALUES (1, 'kept')");
    }

    postgres.stop();
    assertThat(connects()).isFalse();
    postgres.start();
    assertThat(notes()).isEqualTo("kept");

    try (Connection connection = postgres.connect("herald");
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO note VALUES (2, 'committed')");
    }
    postgres.kill();
    assertThat(connects()).isFalse();
    postgres.start();
    assertThat(notes()).isEqualTo("kept,committed");
  }

  @Test
  void endsOpenSessionsWhenStopping() throws SQLException {
    try (Connection open = postgres.connect("herald")) {
      open.setAutoCommit(false);
      open.createStatement().execute("SELECT 1");
      postgres.stop();
      assertThat(open.isValid(1)).isFalse();
    } finally {
      postgres.start();
    }
  }

  private static boolean connects() {
    try (Connection connection = postgres.connect("herald")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String notes() throws SQLException {
    try (Connection connection = postgres.connect("herald");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT string_agg(text, ',' ORDER BY id) FROM note")) {
      rows.next();
      return rows.getString(1);
    }
  }
}
