package dev.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox table's statements on H2 (the same run on PostgreSQL in OutboxIT). */
class OutboxTableTest {

  private final String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final OutboxTable table = new OutboxTable("test_outbox");
  private Connection connection;

  @BeforeEach
  void create() throws SQLException {
    connection = DriverManager.getConnection(url);
    assertThat(table.create(connection)).isTrue();
    assertThat(table.create(connection)).as("a second start finds the table").isTrue();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void pendingRowsOfTheClaimedBucketsComeInInsertOrder() throws SQLException {
    for (int i = 0; i < 50; i++) {
      table.insert(connection, row("order-" + (i % 5), i));
    }
    List<Integer> all = table.claimBuckets(connection, 0, OutboxTable.BUCKETS);
    List<OutboxRow> pending = table.pending(connection, all, 100);

    assertThat(all).hasSize(OutboxTable.BUCKETS);
    assertThat(pending).hasSize(50);
    assertThat(pending).extracting(OutboxRow::seq).isSorted();
    assertThat(pending.get(0).payload()).isEqualTo("{\"n\":0}");
    assertThat(pending.get(0).eventtime()).isNotNull();
    assertThat(pending.get(0).createdAt()).isNotNull();
    assertThat(pending.get(0).status()).isEqualTo(OutboxRow.PENDING);
  }

  @Test
  void aBucketLockedByOneRelayIsSkippedByAnother() throws SQLException {
    try (Connection first = DriverManager.getConnection(url);
        Connection second = DriverManager.getConnection(url)) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      List<Integer> firstBuckets = table.claimBuckets(first, 0, 16);
      List<Integer> secondBuckets = table.claimBuckets(second, 8, 16);

      assertThat(firstBuckets).hasSize(16);
      assertThat(secondBuckets).hasSize(8).doesNotContainAnyElementsOf(firstBuckets);
      first.commit();
      assertThat(table.claimBuckets(second, 0, 16)).hasSize(16);
      second.commit();
    }
  }

  @Test
  void everyAggregateLandsInOneBucketAndTheBucketsSpreadThem() throws SQLException {
    for (int i = 0; i < 200; i++) {
      table.insert(connection, row("aggregate-" + i, i));
    }
    Set<Integer> used = new HashSet<>();
    for (int bucket = 0; bucket < OutboxTable.BUCKETS; bucket++) {
      if (!table.pending(connection, List.of(bucket), 1000).isEmpty()) {
        used.add(bucket);
      }
    }
    assertThat(used).hasSizeGreaterThan(OutboxTable.BUCKETS / 2);
  }

  @Test
  void publishedFailedRetriedAndCounted() throws SQLException {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      table.insert(connection, row("order-1", i));
    }
    for (OutboxRow row : table.pending(connection, all(), 10)) {
      seqs.add(row.seq());
    }
    assertThat(table.counts(connection).pending()).isEqualTo(3);
    assertThat(table.counts(connection).oldestPending()).isNotNull();

    table.published(connection, seqs.subList(0, 1), false);
    table.failed(connection, seqs.get(1), "invalid: /data/text is required");
    OutboxCounts counts = table.counts(connection);

    assertThat(counts.pending()).isEqualTo(1);
    assertThat(counts.failed()).isEqualTo(1);
    List<OutboxRow> failed = table.failedRows(connection, 0, 10);
    assertThat(failed).singleElement().extracting(OutboxRow::failure).asString().contains("/data");
    assertThat(table.retry(connection, failed.get(0).id())).isTrue();
    assertThat(table.retry(connection, failed.get(0).id())).as("no longer failed").isFalse();
    assertThat(table.counts(connection).pending()).isEqualTo(2);

    table.published(connection, seqs.subList(2, 3), true);
    assertThat(table.counts(connection).pending()).isEqualTo(1);
    assertThat(table.purge(connection, Instant.now().plusSeconds(60), 10)).isEqualTo(1);
    assertThat(table.row(connection, failed.get(0).id())).isPresent();
  }

  private List<Integer> all() throws SQLException {
    return table.claimBuckets(connection, 0, OutboxTable.BUCKETS);
  }

  private static OutboxRow row(String aggregate, int n) {
    return new OutboxRow(
        0,
        UUID.randomUUID().toString(),
        "order",
        aggregate,
        "chat.message.received",
        "{\"n\":" + n + "}",
        "/orders",
        OffsetDateTime.now(ZoneOffset.UTC),
        null,
        "2",
        "acme",
        null,
        null,
        OutboxRow.PENDING,
        0,
        null);
  }
}
