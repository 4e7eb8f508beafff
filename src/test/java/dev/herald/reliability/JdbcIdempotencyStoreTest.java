package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real embedded H2 database in a file, as the server uses it. */
class JdbcIdempotencyStoreTest {

  @TempDir Path dir;

  @Test
  void completedEventsAreRememberedPerHandlerAcrossRestarts() {
    String url = "jdbc:h2:" + dir.resolve("idempotency") + IdempotencyStores.H2_OPTIONS;
    JdbcConnectionPool first = JdbcConnectionPool.create(url, "herald", "");
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(first, Duration.ofDays(7));

    store.markCompleted("audit", "e-1");
    store.markCompleted("audit", "e-1");

    assertThat(store.isCompleted("audit", "e-1")).isTrue();
    assertThat(store.isCompleted("analytics", "e-1")).isFalse();
    assertThat(store.isCompleted("audit", "e-2")).isFalse();
    first.dispose();

    JdbcConnectionPool second = JdbcConnectionPool.create(url, "herald", "");
    assertThat(new JdbcIdempotencyStore(second, Duration.ofDays(7)).isCompleted("audit", "e-1"))
        .isTrue();
    second.dispose();
  }

  @Test
  void rowsOlderThanTheRetentionArePurged() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:" + dir.resolve("purge"), "herald", "");
    JdbcIdempotencyStore store = new JdbcIdempotencyStore(pool, Duration.ZERO);
    store.markCompleted("audit", "old");

    assertThat(store.purge()).isEqualTo(1);
    assertThat(store.isCompleted("audit", "old")).isFalse();
    pool.dispose();
  }

  @Test
  void inMemoryStoreForgetsTheOldestBeyondItsCapacity() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(2);
    store.markCompleted("audit", "a");
    store.markCompleted("audit", "b");
    store.markCompleted("audit", "c");

    assertThat(store.isCompleted("audit", "a")).isFalse();
    assertThat(store.isCompleted("audit", "c")).isTrue();
  }
}
