package dev.herald.deadletters;

import dev.herald.reliability.DeadLetterHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One dead letter as an operator reads it.
 *
 * @param id {@code <channel>-<partition>-<offset>} of the dead-letter record
 * @param eventType {@code ce_type}; null when the record had none
 * @param eventId {@code ce_id}; null when the record had none
 * @param eventTime {@code ce_time}; null when the record had none
 * @param original where the record was consumed when it failed, and its timestamp there
 * @param failedHandlers empty for a record that was rejected rather than failed by handlers
 * @param deadLetteredAt the dead-letter record's own timestamp, RFC 3339
 * @param value the record's value as it was consumed; {@code encoding} says how it is shown
 * @param redrivenFrom the dead letter this record had been redriven from, when it was
 * @param redrive where and when this dead letter was redriven; null when it was not
 */
public record DeadLetterEntry(
    String id,
    String channel,
    String deadLetterTopic,
    String eventType,
    String eventId,
    String eventTime,
    Original original,
    String key,
    String failureKind,
    String reason,
    List<String> failedHandlers,
    Integer attempts,
    String firstFailure,
    String lastFailure,
    String deadLetteredAt,
    List<HeaderText> headers,
    String value,
    String encoding,
    String redrivenFrom,
    boolean redriven,
    Redrive redrive) {

  /**
   * Where the record was consumed ({@code dead-letter-topic}, {@code -partition}, {@code -offset}).
   */
  public record Original(String topic, Integer partition, Long offset, String timestamp) {}

  /** A header, as UTF-8 text or in Base64 ({@code encoding}). */
  public record HeaderText(String key, String value, String encoding) {}

  static final String ORIGINAL_TOPIC = "dead-letter-topic";
  static final String ORIGINAL_PARTITION = "dead-letter-partition";
  static final String ORIGINAL_OFFSET = "dead-letter-offset";

  static DeadLetterEntry of(
      String channel, ConsumerRecord<String, byte[]> record, Redrive redrive) {
    Headers h = record.headers();
    List<HeaderText> headers = new ArrayList<>();
    for (Header header : h) {
      Encoded text = Encoded.of(header.value());
      headers.add(new HeaderText(header.key(), text.text(), text.encoding()));
    }
    Encoded value = Encoded.of(record.value());
    return new DeadLetterEntry(
        new EntryId(channel, record.partition(), record.offset()).toString(),
        channel,
        record.topic(),
        text(h, "ce_type"),
        text(h, "ce_id"),
        text(h, "ce_time"),
        new Original(
            text(h, ORIGINAL_TOPIC),
            number(h, ORIGINAL_PARTITION).map(Long::intValue).orElse(null),
            number(h, ORIGINAL_OFFSET).orElse(null),
            text(h, DeadLetterHeaders.ORIGINAL_TIMESTAMP)),
        record.key(),
        text(h, DeadLetterHeaders.KIND),
        text(h, DeadLetterFilter.REASON),
        DeadLetterHeaders.value(h, DeadLetterHeaders.FAILED_HANDLERS)
            .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()))
            .map(s -> s.toList())
            .orElse(List.of()),
        number(h, DeadLetterHeaders.ATTEMPTS).map(Long::intValue).orElse(null),
        text(h, DeadLetterHeaders.FIRST_FAILURE),
        text(h, DeadLetterHeaders.LAST_FAILURE),
        Instant.ofEpochMilli(record.timestamp()).toString(),
        headers,
        value.text(),
        value.encoding(),
        text(h, RedriveHeaders.REDRIVEN_FROM),
        redrive != null,
        redrive);
  }

  private static String text(Headers headers, String key) {
    return DeadLetterHeaders.value(headers, key).orElse(null);
  }

  private static Optional<Long> number(Headers headers, String key) {
    try {
      return DeadLetterHeaders.value(headers, key).map(String::strip).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
