package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterFilterTest {

  private static final long TEN = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

  private static ConsumerRecord<String, byte[]> deadLetter(
      String reason, String handlers, long at) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
    if (handlers != null) {
      headers.add("herald-failed-handlers", handlers.getBytes(StandardCharsets.UTF_8));
    }
    return new ConsumerRecord<>(
        "chat.message.received.v1.dlq",
        0,
        5,
        at,
        TimestampType.CREATE_TIME,
        0,
        0,
        "acme",
        new byte[0],
        headers,
        Optional.empty());
  }

  private static final ConsumerRecord<String, byte[]> FAILED =
      deadLetter("Channel 'x': handler 'audit' failed: Inventory DOWN", "audit,billing", TEN);

  @Test
  void anEmptyFilterTakesEveryDeadLetter() {
    assertThat(DeadLetterFilter.of(null, "", " ", null, null).matches(FAILED)).isTrue();
  }

  @Test
  void theReasonIsAPieceOfTheReasonInAnyCase() {
    assertThat(DeadLetterFilter.of(null, "inventory down", null, null, null).matches(FAILED))
        .isTrue();
    assertThat(DeadLetterFilter.of(null, "timeout", null, null, null).matches(FAILED)).isFalse();
  }

  @Test
  void theHandlerIsOneOfTheFailedHandlersNotAPieceOfOne() {
    assertThat(DeadLetterFilter.of(null, null, "billing", null, null).matches(FAILED)).isTrue();
    assertThat(DeadLetterFilter.of(null, null, "bill", null, null).matches(FAILED)).isFalse();
  }

  @Test
  void aRejectedRecordHasNoFailedHandlerToMatch() {
    ConsumerRecord<String, byte[]> rejected = deadLetter("/data/channel: enum", null, TEN);
    assertThat(DeadLetterFilter.of(null, null, "audit", null, null).matches(rejected)).isFalse();
  }

  @Test
  void theTimeIsTheDeadLetterRecordsOwn() {
    DeadLetterFilter filter =
        DeadLetterFilter.of(null, null, null, "2026-12-01T10:00:00Z", "2026-12-01T10:00:01Z");
    assertThat(filter.matches(FAILED)).isTrue();
    assertThat(filter.matches(deadLetter("r", "audit", TEN + 1000))).isFalse();
    assertThat(filter.matches(deadLetter("r", "audit", TEN - 1))).isFalse();
  }

  @Test
  void allConditionsMustHold() {
    assertThat(
            DeadLetterFilter.of(null, "inventory", "audit", "2026-12-01T11:00:00Z", null)
                .matches(FAILED))
        .isFalse();
  }

  @Test
  void blankPartsAreAbsent() {
    DeadLetterFilter filter = DeadLetterFilter.of(" ", " ", "", null, null);
    assertThat(filter.type()).isNull();
    assertThat(filter.reason()).isNull();
    assertThat(filter.handler()).isNull();
  }
}
