package dev.herald.routing;

import dev.herald.api.EventOutcome;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.concurrent.CompletionStage;

/**
 * Takes a record whose handlers still fail transiently after their in-place retries, for a later
 * attempt: the retry topics. Routing decides when a record is handed off; the implementation (in
 * the retry package) decides where it goes, so that routing does not depend on it.
 */
public interface RetryHandoff {

  /** Whether {@code channel} has a later attempt (a retry topic) to hand records to. */
  boolean accepts(String channel);

  /**
   * Stores the record for its later attempt, with its original key, value and headers.
   *
   * @return completes once the record is stored; fails when it could not be stored
   */
  CompletionStage<Void> handOff(
      String channel, IncomingKafkaRecordMetadata<?, ?> kafka, byte[] value, EventOutcome outcome);
}
