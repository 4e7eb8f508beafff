package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RedriveHeadersTest {

  private static final EntryId FIRST = new EntryId("chat-message-received", 0, 7);
  private static final EntryId SECOND = new EntryId("chat-message-received", 0, 9);

  /** A dead letter as Herald writes it: SmallRye's headers, the record's own, Herald's. */
  private static Headers deadLetter(Headers own) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, "dead-letter-exception-class-name", "dev.herald.routing.HandlingFailedException");
    add(headers, "dead-letter-reason", "handler 'x' failed: no");
    add(headers, "dead-letter-topic", "chat.message.received.v1");
    add(headers, "dead-letter-partition", "0");
    add(headers, "dead-letter-offset", "3");
    own.forEach(headers::add);
    add(headers, "herald-failure-kind", "failed");
    add(headers, "herald-failed-handlers", "x");
    add(headers, "herald-attempts", "1");
    add(headers, "herald-first-failure", "2026-12-01T10:00:00Z");
    add(headers, "herald-last-failure", "2026-12-01T10:00:00Z");
    return headers;
  }

  private static Headers event() {
    RecordHeaders headers = new RecordHeaders();
    add(headers, "ce_specversion", "1.0");
    add(headers, "ce_id", "e-1");
    add(headers, "ce_type", "chat.message.received");
    add(headers, "ce_source", "/tests");
    add(headers, "content-type", "application/json");
    add(headers, "traceparent", "00-abc-def-01");
    return headers;
  }

  @Test
  void aRedrivenRecordKeepsTheEventsHeadersAndNamesItsDeadLetter() {
    Headers redriven = RedriveHeaders.forRedrive(deadLetter(event()), FIRST);

    assertThat(keys(redriven))
        .containsExactly(
            "ce_specversion",
            "ce_id",
            "ce_type",
            "ce_source",
            "content-type",
            "traceparent",
            "herald-redriven-from");
    assertThat(text(redriven, "herald-redriven-from")).isEqualTo("chat-message-received-0-7");
  }

  @Test
  void retryAndDelayedRetryHeadersAreStrippedToo() {
    RecordHeaders fromRetryTopic = new RecordHeaders();
    event().forEach(fromRetryTopic::add);
    add(fromRetryTopic, "herald-retry-stage", "2");
    add(fromRetryTopic, "herald-retry-due", "1700000000000");
    add(fromRetryTopic, "herald-origin-topic", "system.error.v1");
    add(fromRetryTopic, "herald-origin-partition", "0");
    add(fromRetryTopic, "herald-origin-offset", "5");
    add(fromRetryTopic, "delayed-retry-count", "1");

    assertThat(keys(RedriveHeaders.forRedrive(deadLetter(fromRetryTopic), FIRST)))
        .noneMatch(key -> key.startsWith("herald-retry") || key.startsWith("herald-origin"))
        .noneMatch(key -> key.startsWith("delayed-retry-"));
  }

  @Test
  void headersDoNotGrowOverRedrivesAndDeadLettersAgain() {
    Headers once = RedriveHeaders.forRedrive(deadLetter(event()), FIRST);
    Headers twice = RedriveHeaders.forRedrive(deadLetter(once), SECOND);

    assertThat(keys(twice)).hasSameSizeAs(keys(once)).doesNotHaveDuplicates();
    assertThat(text(twice, "herald-redriven-from")).isEqualTo("chat-message-received-0-9");
  }

  private static List<String> keys(Headers headers) {
    List<String> keys = new ArrayList<>();
    headers.forEach(h -> keys.add(h.key()));
    return keys;
  }

  private static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
