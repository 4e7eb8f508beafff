package dev.herald.routing;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads the records out of a batch that a {@code smallrye-kafka} channel delivered. */
final class Batches {

  private Batches() {}

  static List<Message<?>> messages(String channel, Message<?> batch) {
    return batch
        .getMetadata(IncomingKafkaRecordBatchMetadata.class)
        .map(IncomingKafkaRecordBatchMetadata::getBatchedMessages)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Channel '"
                        + channel
                        + "' delivered a message that is not a Kafka batch: its connector must be"
                        + " smallrye-kafka with batch=true (Herald's default)"));
  }
}
