package dev.herald.deadletters;

import dev.herald.reliability.DeadLetterHeaders;
import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Which dead letters an operation takes.
 *
 * @param type the event type whose channel's dead letters are meant; null for every channel
 * @param reason a piece of {@code dead-letter-reason}, any case; null for any
 * @param handler one of {@code herald-failed-handlers}; null for any
 * @param range when the dead letters were written
 */
public record DeadLetterFilter(String type, String reason, String handler, TimeRange range) {

  static final String REASON = "dead-letter-reason";

  public DeadLetterFilter {
    type = blankToNull(type);
    reason = blankToNull(reason);
    handler = blankToNull(handler);
    range = range == null ? TimeRange.ALL : range;
  }

  /** Reads a filter from request text, each part optional. */
  public static DeadLetterFilter of(
      String type, String reason, String handler, String from, String to) {
    return new DeadLetterFilter(type, reason, handler, TimeRange.parse(from, to));
  }

  /** Whether a dead-letter record passes the reason, handler and time conditions. */
  public boolean matches(ConsumerRecord<?, ?> record) {
    return range.contains(record.timestamp()) && matchesHeaders(record.headers());
  }

  boolean matchesHeaders(Headers headers) {
    if (reason != null) {
      String text = DeadLetterHeaders.value(headers, REASON).orElse("");
      if (!text.toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    if (handler != null) {
      String failed =
          DeadLetterHeaders.value(headers, DeadLetterHeaders.FAILED_HANDLERS).orElse("");
      return Arrays.stream(failed.split(",")).map(String::strip).anyMatch(handler::equals);
    }
    return true;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
