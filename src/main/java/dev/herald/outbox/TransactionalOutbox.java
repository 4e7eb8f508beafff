package dev.herald.outbox;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import dev.herald.api.InvalidEventException;
import dev.herald.api.Outbox;
import dev.herald.api.Violation;
import dev.herald.schemas.EventValidator;
import dev.herald.tracing.Tracing;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link Outbox} on the first configured outbox ({@code herald.outbox.sources}); {@link #source}
 * gives the others. A row written in a JTA transaction wakes the relays when it commits.
 */
@ApplicationScoped
public class TransactionalOutbox implements Outbox {

  @Inject OutboxRelays relays;
  @Inject EventValidator validator;
  @Inject Tracing tracing;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Override
  public CloudEvent publish(String aggregatetype, String aggregateid, CloudEvent event) {
    return writer(null).publish(aggregatetype, aggregateid, event);
  }

  @Override
  public CloudEvent publish(
      Connection connection, String aggregatetype, String aggregateid, CloudEvent event) {
    return writer(null).publish(connection, aggregatetype, aggregateid, event);
  }

  @Override
  public Outbox source(String name) {
    return writer(name);
  }

  /**
   * The event with the current span as its {@code traceparent} (unless it has one), so that the
   * relay's send continues the trace of the transaction that wrote the row.
   */
  CloudEvent traced(CloudEvent event) {
    String traceparent = tracing.currentTraceparent();
    return traceparent == null || event.extension(CloudEventAttributes.TRACEPARENT) != null
        ? event
        : event.toBuilder().extension(CloudEventAttributes.TRACEPARENT, traceparent).build();
  }

  private Writer writer(String name) {
    List<OutboxSource> sources = relays.sources();
    if (sources.isEmpty()) {
      throw new IllegalStateException("No outbox is configured: herald.outbox.sources is empty");
    }
    if (name == null) {
      return new Writer(sources.get(0));
    }
    return relays
        .source(name)
        .map(Writer::new)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No outbox named '"
                        + name
                        + "': herald.outbox.sources lists "
                        + sources.stream().map(OutboxSource::name).toList()));
  }

  /** Writes rows to one outbox. */
  private final class Writer implements Outbox {

    private final OutboxSource source;

    Writer(OutboxSource source) {
      this.source = source;
    }

    @Override
    public CloudEvent publish(String aggregatetype, String aggregateid, CloudEvent event) {
      if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
        throw new IllegalStateException(
            "Outbox.publish writes in the transaction under way, and none is active: annotate"
                + " the caller @Transactional or begin a UserTransaction; with a JDBC connection"
                + " of your own, call publish(connection, ...)");
      }
      CloudEvent written;
      try (Connection connection = source.writeConnection()) {
        written = write(connection, aggregatetype, aggregateid, event);
      } catch (SQLException e) {
        throw new IllegalStateException(failure(e), e);
      }
      String key = "herald.outbox." + source.name();
      if (transactions.getResource(key) == null) {
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(
            new Synchronization() {
              @Override
              public void beforeCompletion() {}

              @Override
              public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                  source.wake();
                }
              }
            });
      }
      return written;
    }

    @Override
    public CloudEvent publish(
        Connection connection, String aggregatetype, String aggregateid, CloudEvent event) {
      try {
        return write(connection, aggregatetype, aggregateid, event);
      } catch (SQLException e) {
        throw new IllegalStateException(failure(e), e);
      }
    }

    @Override
    public Outbox source(String name) {
      return writer(name);
    }

    private CloudEvent write(
        Connection connection, String aggregatetype, String aggregateid, CloudEvent event)
        throws SQLException {
      required("aggregatetype", aggregatetype);
      required("aggregateid", aggregateid);
      CloudEvent stamped = traced(validator.stamp(event));
      List<Violation> violations = validator.validate(stamped);
      if (!violations.isEmpty()) {
        throw new InvalidEventException(stamped.id(), violations);
      }
      source.table().insert(connection, RowEvents.row(aggregatetype, aggregateid, stamped));
      return stamped;
    }

    private String failure(SQLException e) {
      return "Outbox '"
          + source.name()
          + "' could not write to table "
          + source.table().name()
          + ": "
          + e.getMessage();
    }
  }

  private static void required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required: the outbox row's " + name);
    }
  }
}
