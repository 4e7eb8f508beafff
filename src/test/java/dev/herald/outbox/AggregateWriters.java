package dev.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.TestEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Concurrent writers of a service: each transaction locks one aggregate's row, takes its next
 * version and writes that version's event to the outbox with plain SQL; and the check that Kafka
 * has every event, each aggregate's versions in order.
 */
final class AggregateWriters {

  private AggregateWriters() {}

  /**
   * Writes {@code events} events over {@code aggregates} aggregates with {@code writers} threads.
   */
  static void write(OutboxDatabases db, String run, int writers, int events, int aggregates)
      throws Exception {
    db.execute(
        "CREATE TABLE IF NOT EXISTS it_aggregates (id VARCHAR(255) PRIMARY KEY, version INT)");
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(
            pool.submit(
                () -> {
                  writeTransactions(db, run, events / writers, aggregates);
                  return null;
                }));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Checks that every event arrived and each aggregate's versions came in order (first arrivals).
   *
   * @return the duplicates read
   */
  static int assertEveryEventInItsAggregatesOrder(
      List<OutboxTopic.Sent> sent, int events, int aggregates) {
    Map<String, List<Integer>> versions = new HashMap<>();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (OutboxTopic.Sent record : sent) {
      if (!seen.add(record.id())) {
        duplicates++;
        continue;
      }
      versions.computeIfAbsent(record.key(), a -> new ArrayList<>()).add(version(record.id()));
    }
    assertThat(seen).hasSize(events);
    assertThat(versions).hasSize(aggregates);
    versions.forEach(
        (aggregate, order) -> {
          List<Integer> expected = new ArrayList<>();
          for (int v = 0; v < order.size(); v++) {
            expected.add(v);
          }
          assertThat(order).as("versions of " + aggregate + " in Kafka order").isEqualTo(expected);
        });
    return duplicates;
  }

  private static void writeTransactions(
      OutboxDatabases db, String run, int transactions, int aggregates) throws SQLException {
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < transactions; i++) {
        String aggregate = run + "-agg-" + ThreadLocalRandom.current().nextInt(aggregates);
        for (int attempt = 1; ; attempt++) {
          try {
            int version = nextVersion(connection, aggregate);
            String id = aggregate + "-" + version;
            db.insert(connection, id, aggregate, data(id));
            connection.commit();
            break;
          } catch (SQLTimeoutException e) {
            // a lock wait that timed out, as a service's writer would see it: roll back, try again
            connection.rollback();
            System.out.printf("AggregateWriters: %s, attempt %d: %s%n", aggregate, attempt, e);
            if (attempt == 3) {
              throw e;
            }
          }
        }
      }
    }
  }

  private static int nextVersion(Connection connection, String aggregate) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT version FROM it_aggregates WHERE id = ? FOR UPDATE")) {
      lock.setString(1, aggregate);
      try (ResultSet row = lock.executeQuery()) {
        if (row.next()) {
          int version = row.getInt(1) + 1;
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE it_aggregates SET version = ? WHERE id = ?")) {
            update.setInt(1, version);
            update.setString(2, aggregate);
            update.executeUpdate();
          }
          return version;
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO it_aggregates (id, version) VALUES (?, 0)")) {
      insert.setString(1, aggregate);
      insert.executeUpdate();
      return 0;
    } catch (SQLException e) {
      connection.rollback(); // another writer created it first: lock it as it is now
      return nextVersion(connection, aggregate);
    }
  }

  private static int version(String id) {
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }

  /** A valid {@code chat.message.received} v1 data, on one line. */
  static String data(String id) {
    return TestEvents.chatMessageData(id).replaceAll("\\s+", "");
  }
}
