package dev.herald.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Publishes events to Kafka, each to the topic of its type, in CloudEvents binary mode and keyed by
 * tenant (or the type's configured key attribute) so that one tenant's events stay in order. Inject
 * it as a CDI bean.
 *
 * <p>Every event is validated against its type's JSON Schema before anything is sent; an event
 * without {@code schemaversion} is stamped with its type's latest version. A stage completes only
 * once the broker acknowledged the record ({@code acks=all}, idempotent producer).
 */
public interface EventPublisher {

  /**
   * Sends one event.
   *
   * @return completes with where the broker stored it; fails with {@link InvalidEventException}
   *     (nothing sent) when the event is invalid, or {@link PublishFailedException} when the broker
   *     did not acknowledge it in time
   */
  CompletionStage<PublishReceipt> publish(CloudEvent event);

  /**
   * Sends a batch when every event is valid, and nothing otherwise.
   *
   * @return one result per event, in order: where it was stored, why it is invalid, or why the
   *     broker did not store it
   */
  CompletionStage<BatchReceipt> publishBatch(List<CloudEvent> events);

  /**
   * Sends what the publisher holds back to gather larger batches (Kafka's {@code linger.ms}) now,
   * and returns once it was sent and acknowledged or failed. For a caller that waits for its own
   * stages, such as a relay that commits after every record of a round was stored.
   */
  default void flush() {}
}
