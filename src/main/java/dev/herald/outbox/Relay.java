package dev.herald.outbox;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventPublisher;
import dev.herald.api.InvalidEventException;
import dev.herald.api.PublishReceipt;
import dev.herald.api.Violation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One relay of an outbox: rounds, each one database transaction that locks a window of free
 * buckets, reads their oldest pending rows in {@code seq} order, sends them, waits until the broker
 * stored each one, marks them published (or failed, with the reason, when an event is invalid) and
 * commits. The windows move on every round, so the relays of every server share the buckets, and
 * one aggregate is only ever sent by one relay at a time.
 *
 * <p>After a broker error the rows from the first unsent one on stay pending and go again in a
 * later round, so a consumer may see an event twice (it has the same id). A database error rolls
 * the round back: what it sent goes again too.
 */
final class Relay {

  /** Buckets a round locks at most: half, so that two relays work side by side. */
  static final int WINDOW = OutboxTable.BUCKETS / 2;

  /** Rounds in a turn over every bucket. */
  private static final int TURN = OutboxTable.BUCKETS / WINDOW;

  private final OutboxSource source;
  private final EventPublisher publisher;
  private int next;
  private int emptyBuckets;
  private int roundsWithoutRows;

  Relay(OutboxSource source, EventPublisher publisher, int first) {
    this.source = source;
    this.publisher = publisher;
    this.next = first;
  }

  /**
   * Runs one round.
   *
   * @return whether there may be more to send at once; false after a full turn over the buckets
   *     found nothing pending, or when the other relays held the buckets for a few rounds
   */
  boolean round() throws SQLException, InterruptedException {
    OutboxTable table = source.table();
    try (Connection connection = source.connection()) {
      connection.setAutoCommit(false);
      try {
        List<Integer> buckets = table.claimBuckets(connection, next, WINDOW);
        next = (next + WINDOW) % OutboxTable.BUCKETS;
        List<OutboxRow> rows = table.pending(connection, buckets, source.settings().batchSize());
        if (rows.isEmpty()) {
          connection.commit();
          emptyBuckets += buckets.size();
          roundsWithoutRows++;
          return emptyBuckets < OutboxTable.BUCKETS && roundsWithoutRows < 2 * TURN;
        }
        emptyBuckets = 0;
        roundsWithoutRows = 0;
        send(connection, table, rows);
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException | InterruptedException e) {
        rollback(connection);
        throw e;
      }
    }
  }

  private void send(Connection connection, OutboxTable table, List<OutboxRow> rows)
      throws SQLException, InterruptedException {
    boolean byAggregate = source.settings().key().equals("aggregateid");
    List<CompletableFuture<PublishReceipt>> sends = new ArrayList<>(rows.size());
    List<String> refusals = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      try {
        CloudEvent event = RowEvents.event(row, byAggregate);
        sends.add(publisher.publish(event).toCompletableFuture());
        refusals.add(null);
      } catch (IllegalArgumentException e) {
        sends.add(null);
        refusals.add(e.getMessage());
      }
    }
    publisher.flush(); // the round waits for every record: nothing gains from linger.ms
    List<Long> published = new ArrayList<>();
    RuntimeException brokerError = null;
    for (int i = 0; i < rows.size(); i++) {
      OutboxRow row = rows.get(i);
      String refusal = refusals.get(i);
      if (refusal == null) {
        Throwable error = outcome(sends.get(i));
        if (error instanceof InvalidEventException invalid) {
          refusal = reason(invalid);
        } else if (error != null) {
          brokerError = new PublishInterruptedException(row, error);
          break;
        }
      }
      if (refusal != null) {
        table.failed(connection, row.seq(), refusal);
        source.failedOne(row, refusal);
      } else {
        published.add(row.seq());
      }
    }
    table.published(connection, published, source.settings().retention().isZero());
    source.publishedSome(published.size());
    if (brokerError != null) {
      connection.commit(); // what was stored stays published; the rest goes again
      throw brokerError;
    }
  }

  private static Throwable outcome(CompletableFuture<PublishReceipt> send)
      throws InterruptedException {
    try {
      send.get(5, TimeUnit.MINUTES); // the producer's delivery.timeout.ms ends it before
      return null;
    } catch (ExecutionException | CompletionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      return e;
    }
  }

  private static String reason(InvalidEventException invalid) {
    return "invalid: "
        + invalid.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is gone: the database ends the transaction
    }
  }

  /** The broker did not store a row's event: the round ends, the row stays pending. */
  static final class PublishInterruptedException extends RuntimeException {
    PublishInterruptedException(OutboxRow row, Throwable cause) {
      super(
          "Kafka did not store the event of outbox row "
              + row.id()
              + " ("
              + row.type()
              + "): "
              + cause.getMessage()
              + "; it stays pending and is sent again",
          cause);
    }
  }
}
