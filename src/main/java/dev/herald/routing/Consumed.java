package dev.herald.routing;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A record of a channel's batch, with what routing reads of it: where it came from and the key that
 * orders it (its Kafka key, or its partition when it has none).
 */
record Consumed(
    Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> kafka, TopicPartition partition) {

  static Consumed of(String channel, Message<?> message) {
    IncomingKafkaRecordMetadata<?, ?> kafka =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Channel '"
                            + channel
                            + "' delivered a message without Kafka metadata: its connector must be"
                            + " smallrye-kafka"));
    @SuppressWarnings("unchecked")
    Message<byte[]> record = (Message<byte[]>) message;
    return new Consumed(record, kafka, new TopicPartition(kafka.getTopic(), kafka.getPartition()));
  }

  long offset() {
    return kafka.getOffset();
  }

  /** What orders the record: its key, or its partition when it has none. */
  Object key() {
    return kafka.getKey() != null ? kafka.getKey() : kafka.getPartition();
  }

  /** The record's own headers (the metadata's {@code getHeaders()} copies them). */
  Headers headers() {
    return kafka.getRecord().headers();
  }

  byte[] value() {
    return message.getPayload();
  }
}
