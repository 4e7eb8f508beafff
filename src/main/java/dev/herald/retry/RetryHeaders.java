package dev.herald.retry;

import dev.herald.api.EventOutcome;
import dev.herald.reliability.DeadLetterHeaders;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers Herald writes on a retry topic record, and on a dead-letter record that comes from a
 * retry topic: the record's own headers ({@code ce_*} included), where it was first consumed, its
 * stage, when it is due, and its failures so far.
 */
public final class RetryHeaders {

  /** The retry topic stage, 1-based. */
  public static final String STAGE = "herald-retry-stage";

  /** When the record may be handled again, in milliseconds since the epoch. */
  public static final String DUE = "herald-retry-due";

  /** Where the record was first consumed, before any retry topic. */
  public static final String ORIGIN_TOPIC = "herald-origin-topic";

  public static final String ORIGIN_PARTITION = "herald-origin-partition";
  public static final String ORIGIN_OFFSET = "herald-origin-offset";

  /** SmallRye's dead-letter headers, written the same way for records that fail on a stage. */
  static final String DLQ_REASON = "dead-letter-reason";

  static final String DLQ_CAUSE = "dead-letter-cause";
  static final String DLQ_EXCEPTION = "dead-letter-exception-class-name";
  static final String DLQ_CAUSE_CLASS = "dead-letter-cause-class-name";
  static final String DLQ_TOPIC = "dead-letter-topic";
  static final String DLQ_PARTITION = "dead-letter-partition";
  static final String DLQ_OFFSET = "dead-letter-offset";

  private RetryHeaders() {}

  /** Where a record was first consumed: its origin headers if it came from a retry topic. */
  public record Origin(String topic, int partition, long offset) {

    public static Origin of(Headers headers, String topic, int partition, long offset) {
      Optional<String> originTopic = DeadLetterHeaders.value(headers, ORIGIN_TOPIC);
      if (originTopic.isEmpty()) {
        return new Origin(topic, partition, offset);
      }
      return new Origin(
          originTopic.get(),
          DeadLetterHeaders.value(headers, ORIGIN_PARTITION).map(Integer::parseInt).orElse(-1),
          DeadLetterHeaders.value(headers, ORIGIN_OFFSET).map(Long::parseLong).orElse(-1L));
    }
  }

  /** The headers of the record sent to {@code stage}, due after its delay from {@code now}. */
  public static Headers forRetry(
      Headers incoming, Origin origin, RetryTopic stage, EventOutcome outcome, Instant now) {
    RecordHeaders headers = withoutHerald(incoming);
    DeadLetterHeaders.add(headers, STAGE, Integer.toString(stage.stage()));
    DeadLetterHeaders.add(headers, DUE, Long.toString(now.plus(stage.delay()).toEpochMilli()));
    addOrigin(headers, origin);
    DeadLetterHeaders.addFailure(headers, outcome, incoming);
    return headers;
  }

  /**
   * The headers of a dead-letter record for a record of a retry topic: the failure (from {@code
   * outcome}, or one failure of {@code kind} when null), SmallRye's reason headers naming the
   * origin, and the stage it failed on.
   */
  public static Headers forDeadLetter(
      Headers incoming, Origin origin, Throwable reason, String kind, EventOutcome outcome) {
    RecordHeaders headers = withoutHerald(incoming);
    addReason(headers, reason, origin.topic(), origin.partition(), origin.offset());
    DeadLetterHeaders.value(incoming, STAGE)
        .ifPresent(s -> DeadLetterHeaders.add(headers, STAGE, s));
    addOrigin(headers, origin);
    if (outcome != null) {
      DeadLetterHeaders.addFailure(headers, outcome, incoming);
    } else {
      DeadLetterHeaders.single(kind, Instant.now()).forEach(headers::add);
    }
    return headers;
  }

  /** When a retry topic record is due, in milliseconds since the epoch (0: now). */
  public static long due(Headers headers) {
    try {
      return DeadLetterHeaders.value(headers, DUE).map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void addOrigin(Headers headers, Origin origin) {
    DeadLetterHeaders.add(headers, ORIGIN_TOPIC, origin.topic());
    DeadLetterHeaders.add(headers, ORIGIN_PARTITION, Integer.toString(origin.partition()));
    DeadLetterHeaders.add(headers, ORIGIN_OFFSET, Long.toString(origin.offset()));
  }

  /** The record's own headers, without those Herald or a dead-letter queue added. */
  private static RecordHeaders withoutHerald(Headers incoming) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : incoming) {
      if (!header.key().startsWith("herald-") && !header.key().startsWith("dead-letter-")) {
        headers.add(header);
      }
    }
    return headers;
  }

  /**
   * SmallRye's dead-letter headers: the reason and its cause (message and class) and where the
   * record was read, so that every dead-letter record reads the same whoever wrote it.
   */
  static void addReason(
      Headers headers, Throwable reason, String topic, int partition, long offset) {
    DeadLetterHeaders.add(headers, DLQ_EXCEPTION, reason.getClass().getName());
    DeadLetterHeaders.add(headers, DLQ_REASON, message(reason));
    if (reason.getCause() != null) {
      DeadLetterHeaders.add(headers, DLQ_CAUSE_CLASS, reason.getCause().getClass().getName());
      DeadLetterHeaders.add(headers, DLQ_CAUSE, message(reason.getCause()));
    }
    DeadLetterHeaders.add(headers, DLQ_TOPIC, topic);
    DeadLetterHeaders.add(headers, DLQ_PARTITION, Integer.toString(partition));
    DeadLetterHeaders.add(headers, DLQ_OFFSET, Long.toString(offset));
  }

  private static String message(Throwable error) {
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }
}
