package dev.herald.api;

import java.sql.Connection;

/**
 * Publishes an event exactly when the caller's database transaction commits: the event is written
 * as a row of the outbox table, in the same transaction as the caller's own rows, and Herald's
 * relay sends it to Kafka after the commit. A rollback leaves nothing to send. Inject it as a CDI
 * bean.
 *
 * <p>The event is validated against its type's JSON Schema before the row is written; an invalid
 * event throws {@link InvalidEventException} and writes nothing. The relay sends each row once (by
 * event id; a crash between the send and the row's update can send it again, which consumers absorb
 * by event id), keyed by {@code aggregateid} so that one aggregate's events stay in order.
 */
public interface Outbox {

  /**
   * Writes the event to the outbox in the JTA transaction under way ({@code @Transactional} or a
   * {@code UserTransaction}), on the outbox's data source, which the transaction enlists beside the
   * caller's own.
   *
   * @param aggregatetype what kind of thing the event is about, e.g. {@code order}
   * @param aggregateid which one: the record key, so its events stay in order
   * @return the event as written, with its schema version
   * @throws IllegalStateException when no transaction is active
   */
  CloudEvent publish(String aggregatetype, String aggregateid, CloudEvent event);

  /**
   * Writes the event with the caller's own connection, in whatever transaction it has; the caller
   * commits or rolls back. The connection must reach the outbox's database.
   */
  CloudEvent publish(
      Connection connection, String aggregatetype, String aggregateid, CloudEvent event);

  /** The outbox named {@code name} in {@code herald.outbox.sources}. */
  Outbox source(String name);
}
