package dev.herald.routing;

import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Where a channel's records that cannot be handled go: the channel's dead-letter topic, with the
 * original key, value and headers, the reason, and Herald's failure headers. Implemented outside
 * routing (by the writer the retry topics use), so that routing depends on no producer.
 */
public interface DeadLetterWriter {

  /**
   * @return completes once the dead-letter topic has the record; fails when it could not be written
   *     (the record then stays uncommitted)
   */
  CompletionStage<Void> write(
      String channel, ConsumerRecord<?, ?> record, byte[] value, Throwable reason, Headers failure);
}
