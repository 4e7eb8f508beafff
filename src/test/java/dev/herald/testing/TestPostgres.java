package dev.herald.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL server in its own process, started once for all integration tests with an empty
 * database {@value #DATABASE} owned by the password-less superuser {@value PostgresProcess#USER}.
 * The tests may stop, kill and start it again; the data stays.
 */
public final class TestPostgres {

  public static final String DATABASE = "herald";

  private static TestPostgres instance;

  private final PostgresProcess process =
      new PostgresProcess(
          Path.of(System.getProperty("herald.postgres.dir", "target/it-postgres")),
          Integer.getInteger("herald.postgres.port", 19432));

  private TestPostgres() {}

  /** The server, started on first use on a new cluster and stopped when the test JVM exits. */
  public static synchronized TestPostgres get() {
    if (instance == null) {
      TestPostgres postgres = new TestPostgres();
      postgres.process.initialize();
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-stop"));
      postgres.start();
      postgres.process.createDatabase(DATABASE);
      instance = postgres;
    }
    return instance;
  }

  /** For example {@code jdbc:postgresql://127.0.0.1:19432/herald}. */
  public String jdbcUrl() {
    return process.jdbcUrl(DATABASE);
  }

  public String user() {
    return PostgresProcess.USER;
  }

  /** A new connection to {@link #jdbcUrl()}. */
  public Connection connect() throws SQLException {
    return process.connect(DATABASE);
  }

  /** Starts the server on the same data and port and waits until it accepts connections. */
  public void start() {
    process.start();
  }

  /** Fast shutdown (open sessions are ended), returning once the port is closed. */
  public void stop() {
    process.stop();
  }

  /** Kills the server and its backends (SIGKILL); the next start recovers from its log. */
  public void kill() {
    process.kill();
  }
}
