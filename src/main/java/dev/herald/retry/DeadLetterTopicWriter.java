package dev.herald.retry;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.reliability.DeadLetterHeaders;
import dev.herald.routing.DeadLetterWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a channel's dead letters with the retry topics' producer, straight from the channel's
 * thread: SmallRye's dead-letter queue (a nack through a processor and a sink, with context
 * switches and a log line per record) drained a flood of invalid events at a twentieth of the valid
 * rate. The record reads as SmallRye writes it: its headers first ({@code
 * dead-letter-exception-class-name}, {@code -reason}, {@code -cause-class-name}, {@code -cause},
 * {@code -topic}, {@code -partition}, {@code -offset}), then the record's own, then Herald's.
 */
@ApplicationScoped
public class DeadLetterTopicWriter implements DeadLetterWriter {

  @Inject RetryTopicWriter writer;
  @Inject EventChannels channels;

  @Override
  public CompletionStage<Void> write(
      String channel,
      ConsumerRecord<?, ?> record,
      byte[] value,
      Throwable reason,
      Headers failure) {
    RecordHeaders headers = new RecordHeaders();
    RetryHeaders.addReason(headers, reason, record.topic(), record.partition(), record.offset());
    for (Header header : record.headers()) {
      headers.add(header);
    }
    for (Header header : failure) {
      headers.add(header);
    }
    if (record.timestamp() >= 0
        && headers.lastHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP) == null) {
      DeadLetterHeaders.add(
          headers,
          DeadLetterHeaders.ORIGINAL_TIMESTAMP,
          Instant.ofEpochMilli(record.timestamp()).toString());
    }
    Object key = record.key();
    return writer.send(
        new ProducerRecord<>(
            topic(channel), null, key == null ? null : key.toString(), value, headers));
  }

  private String topic(String channel) {
    return channels
        .forChannel(channel)
        .map(EventChannel::deadLetterTopic)
        .orElse("dead-letter-topic-" + channel);
  }
}
