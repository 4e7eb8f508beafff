package dev.herald.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.EventOutcome;
import dev.herald.api.HandlerResult;
import dev.herald.reliability.DeadLetterHeaders;
import dev.herald.retry.RetryHeaders.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RetryHeadersTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final RetryTopic FIRST =
      new RetryTopic("system-error", 1, "system.error.v1.retry.30s", Duration.ofSeconds(30));
  private static final RetryTopic SECOND =
      new RetryTopic("system-error", 2, "system.error.v1.retry.5m", Duration.ofMinutes(5));

  @Test
  void retryRecordKeepsTheEventHeadersAndSaysWhenItIsDueAndWhereItCameFrom() {
    Headers incoming = new RecordHeaders().add("ce_id", utf8("e-1")).add("ce_type", utf8("t"));

    Headers retry =
        RetryHeaders.forRetry(
            incoming, new Origin("system.error.v1", 2, 41), FIRST, failed(T0, 3), T0);

    assertThat(value(retry, "ce_id")).isEqualTo("e-1");
    assertThat(value(retry, RetryHeaders.DUE))
        .isEqualTo(Long.toString(T0.plusSeconds(30).toEpochMilli()));
    assertThat(value(retry, RetryHeaders.STAGE)).isEqualTo("1");
    assertThat(value(retry, RetryHeaders.ORIGIN_TOPIC)).isEqualTo("system.error.v1");
    assertThat(value(retry, RetryHeaders.ORIGIN_PARTITION)).isEqualTo("2");
    assertThat(value(retry, RetryHeaders.ORIGIN_OFFSET)).isEqualTo("41");
    assertThat(value(retry, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
    assertThat(value(retry, DeadLetterHeaders.FAILED_HANDLERS)).isEqualTo("flaky");
  }

  @Test
  void laterStagesKeepTheOriginTheFirstFailureAndCountEveryAttempt() {
    Headers first =
        RetryHeaders.forRetry(
            new RecordHeaders().add("ce_id", utf8("e-1")),
            new Origin("system.error.v1", 2, 41),
            FIRST,
            failed(T0, 3),
            T0);
    Origin origin = Origin.of(first, "system.error.v1.retry.30s", 0, 7);
    Instant later = T0.plusSeconds(31);

    Headers second = RetryHeaders.forRetry(first, origin, SECOND, failed(later, 3), later);
    Headers dead =
        RetryHeaders.forDeadLetter(
            second,
            Origin.of(second, SECOND.topic(), 0, 3),
            new IllegalStateException("handler 'flaky' failed"),
            "failed",
            failed(later.plusSeconds(300), 3));

    assertThat(origin).isEqualTo(new Origin("system.error.v1", 2, 41));
    assertThat(second.headers(RetryHeaders.STAGE)).hasSize(1);
    assertThat(value(second, RetryHeaders.STAGE)).isEqualTo("2");
    assertThat(value(second, DeadLetterHeaders.ATTEMPTS)).isEqualTo("6");
    assertThat(value(second, DeadLetterHeaders.FIRST_FAILURE)).isEqualTo(T0.toString());
    assertThat(value(dead, "ce_id")).isEqualTo("e-1");
    assertThat(value(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("9");
    assertThat(value(dead, DeadLetterHeaders.FIRST_FAILURE)).isEqualTo(T0.toString());
    assertThat(value(dead, "dead-letter-topic")).isEqualTo("system.error.v1");
    assertThat(value(dead, "dead-letter-offset")).isEqualTo("41");
    assertThat(value(dead, "dead-letter-reason")).isEqualTo("handler 'flaky' failed");
    assertThat(value(dead, RetryHeaders.STAGE)).isEqualTo("2");
    assertThat(dead.lastHeader(RetryHeaders.DUE)).isNull();
  }

  @Test
  void topicNamesShowTheDelayInItsLargestWholeUnit() {
    assertThat(RetryTopics.label(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(RetryTopics.label(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(RetryTopics.label(Duration.ofSeconds(300))).isEqualTo("5m");
    assertThat(RetryTopics.label(Duration.ofHours(2))).isEqualTo("2h");
  }

  private static EventOutcome failed(Instant at, int attempts) {
    HandlerResult result =
        new HandlerResult(
            "flaky", false, Duration.ofMillis(1), "timed out", true, attempts, at, at, false);
    return new EventOutcome("e-1", "system.error", null, "system-error", at, List.of(result));
  }

  private static String value(Headers headers, String key) {
    return DeadLetterHeaders.value(headers, key).orElse(null);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
