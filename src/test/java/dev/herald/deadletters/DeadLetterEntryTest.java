package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterEntryTest {

  private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

  private static ConsumerRecord<String, byte[]> record(byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        "chat.message.received.v1.dlq",
        1,
        42,
        1_796_119_200_000L,
        TimestampType.CREATE_TIME,
        0,
        0,
        "acme",
        value,
        headers,
        Optional.empty());
  }

  private static void add(RecordHeaders headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEntryReadsTheEventTheFailureAndWhereTheRecordWasConsumed() {
    RecordHeaders headers = new RecordHeaders();
    add(headers, "dead-letter-reason", "handler 'x' failed: no");
    add(headers, "dead-letter-topic", "chat.message.received.v1");
    add(headers, "dead-letter-partition", "3");
    add(headers, "dead-letter-offset", "17");
    add(headers, "ce_id", "e-1");
    add(headers, "ce_type", "chat.message.received");
    add(headers, "herald-failure-kind", "failed");
    add(headers, "herald-failed-handlers", "x, y");
    add(headers, "herald-attempts", "4");
    add(headers, "herald-first-failure", "2026-12-01T09:59:00Z");
    add(headers, "herald-last-failure", "2026-12-01T10:00:00Z");
    add(headers, "herald-original-timestamp", "2026-12-01T09:58:00Z");
    Redrive redrive = new Redrive("2026-12-02T00:00:00Z", "chat.message.received.v1", 3, 99, null);

    DeadLetterEntry entry =
        DeadLetterEntry.of(
            "chat-message-received",
            record("{}".getBytes(StandardCharsets.UTF_8), headers),
            redrive);

    assertThat(entry.id()).isEqualTo("chat-message-received-1-42");
    assertThat(entry.eventId()).isEqualTo("e-1");
    assertThat(entry.eventType()).isEqualTo("chat.message.received");
    assertThat(entry.original())
        .isEqualTo(
            new DeadLetterEntry.Original(
                "chat.message.received.v1", 3, 17L, "2026-12-01T09:58:00Z"));
    assertThat(entry.key()).isEqualTo("acme");
    assertThat(entry.failureKind()).isEqualTo("failed");
    assertThat(entry.reason()).isEqualTo("handler 'x' failed: no");
    assertThat(entry.failedHandlers()).containsExactly("x", "y");
    assertThat(entry.attempts()).isEqualTo(4);
    assertThat(entry.deadLetteredAt()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(entry.value()).isEqualTo("{}");
    assertThat(entry.encoding()).isEqualTo("utf-8");
    assertThat(entry.headers()).hasSize(12);
    assertThat(entry.redriven()).isTrue();
    assertThat(entry.redrive()).isEqualTo(redrive);
  }

  @Test
  void bytesThatAreNotUtf8AreShownInBase64() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("binary", NOT_UTF8);

    DeadLetterEntry entry =
        DeadLetterEntry.of("chat-message-received", record(NOT_UTF8, headers), null);

    String base64 = Base64.getEncoder().encodeToString(NOT_UTF8);
    assertThat(entry.value()).isEqualTo(base64);
    assertThat(entry.encoding()).isEqualTo("base64");
    assertThat(entry.headers())
        .containsExactly(new DeadLetterEntry.HeaderText("binary", base64, "base64"));
    assertThat(entry.redriven()).isFalse();
    assertThat(entry.failedHandlers()).isEmpty();
    assertThat(entry.original()).isEqualTo(new DeadLetterEntry.Original(null, null, null, null));
  }

  @Test
  void aNullValueStaysNull() {
    DeadLetterEntry entry =
        DeadLetterEntry.of("chat-message-received", record(null, new RecordHeaders()), null);
    assertThat(entry.value()).isNull();
    assertThat(entry.encoding()).isNull();
  }
}
