package dev.herald.kafka;

import dev.herald.api.Violation;
import dev.herald.config.PublishSettings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Whether an event's record fits in what the producer sends ({@code max.request.size}). The
 * producer would refuse a larger one only after validation, and the client would get a 503 that no
 * retry cures; checked here, it is the client's 422. The size is the bound the producer itself
 * checks: key, value and headers before compression.
 */
record RecordSize(int maxBytes) {

  static final int DEFAULT_MAX_BYTES = 1_048_576;

  /** The limit of a producer with these settings. */
  static RecordSize of(Map<String, Object> producerSettings) {
    Object max = producerSettings.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    return new RecordSize(
        max == null ? DEFAULT_MAX_BYTES : Integer.parseInt(String.valueOf(max).strip()));
  }

  static int bytes(ProducerRecord<String, byte[]> record) {
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE,
        CompressionType.NONE,
        key,
        record.value(),
        record.headers().toArray());
  }

  /** A violation of the whole event when its record is too large. */
  Optional<Violation> check(ProducerRecord<String, byte[]> record) {
    int bytes = bytes(record);
    return bytes <= maxBytes ? Optional.empty() : Optional.of(tooLarge(bytes));
  }

  Violation tooLarge(int bytes) {
    return new Violation(
        "",
        "the event's Kafka record (data, attributes as headers, key) is "
            + bytes
            + " bytes, more than the "
            + maxBytes
            + " bytes the publisher sends ("
            + PublishSettings.KAFKA_PREFIX
            + ProducerConfig.MAX_REQUEST_SIZE_CONFIG
            + "): send smaller data or attributes");
  }

  /** The broker refused the record as too large (its {@code message.max.bytes}). */
  static Violation refusedByBroker() {
    return new Violation(
        "",
        "the broker refused the event's Kafka record as too large (its message.max.bytes): send"
            + " smaller data or attributes");
  }
}
