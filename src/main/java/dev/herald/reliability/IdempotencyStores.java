package dev.herald.reliability;

import dev.herald.config.IdempotencySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Chooses the idempotency store ({@code herald.idempotency.store}): {@code memory} (default,
 * bounded by {@code herald.idempotency.capacity}) or {@code jdbc}, on the data source named by
 * {@code herald.idempotency.datasource} (a JNDI name from {@code server.xml}) or else on an
 * embedded H2 database at {@code herald.idempotency.jdbc-url}. JDBC rows are kept {@code
 * herald.idempotency.retention-hours} (168).
 */
@ApplicationScoped
public class IdempotencyStores {

  private static final Logger LOG = Logger.getLogger(IdempotencyStores.class.getName());

  /**
   * Each mark is written at commit, so that a crash of the server loses none (the default URL's).
   */
  static final String H2_OPTIONS = ";WRITE_DELAY=0";

  @Inject IdempotencySettings settings;
  @Resource ManagedScheduledExecutorService scheduler;

  private IdempotencyStore store;
  private JdbcConnectionPool embedded;
  private ScheduledFuture<?> purging;

  @PostConstruct
  void open() {
    String kind = settings.store();
    switch (kind) {
      case "memory" -> store = new InMemoryIdempotencyStore(settings.capacity());
      case "jdbc" -> store = jdbc();
      default ->
          throw new IllegalStateException(
              IdempotencySettings.STORE.key()
                  + " is '"
                  + kind
                  + "'; use memory (the default) or jdbc");
    }
  }

  @Produces
  IdempotencyStore store() {
    return store;
  }

  @PreDestroy
  void close() {
    if (purging != null) {
      purging.cancel(false);
    }
    if (embedded != null) {
      try (Connection connection = embedded.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        LOG.warning("Embedded idempotency database did not shut down cleanly: " + e.getMessage());
      }
      embedded.dispose();
    }
  }

  private IdempotencyStore jdbc() {
    Duration retention = settings.retention();
    DataSource dataSource =
        settings
            .datasource()
            .map(IdempotencyStores::lookup)
            .orElseGet(
                () -> {
                  embedded = JdbcConnectionPool.create(settings.jdbcUrl(), "herald", "");
                  return embedded;
                });
    JdbcIdempotencyStore jdbc = new JdbcIdempotencyStore(dataSource, retention);
    purging =
        scheduler.scheduleWithFixedDelay(
            () -> {
              int purged = jdbc.purge();
              if (purged > 0) {
                LOG.fine("Purged " + purged + " idempotency rows older than " + retention);
              }
            },
            1,
            60,
            TimeUnit.MINUTES);
    return jdbc;
  }

  private static DataSource lookup(String jndiName) {
    try {
      return InitialContext.doLookup(jndiName);
    } catch (NamingException e) {
      throw new IllegalStateException(
          IdempotencySettings.DATASOURCE.key()
              + " names '"
              + jndiName
              + "', which is not a data source in server.xml",
          e);
    }
  }
}
