package dev.herald.deadletters;

import dev.herald.events.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Dead letters written from {@code from} (inclusive) until {@code to} (exclusive), by the
 * dead-letter record's own timestamp; either end may be open (null).
 */
public record TimeRange(Instant from, Instant to) {

  public static final TimeRange ALL = new TimeRange(null, null);

  /**
   * Reads RFC 3339 ends, such as {@code 2026-12-01T10:00:00Z}; a blank or null end is open.
   *
   * @throws DeadLetterException.InvalidQuery when an end is not RFC 3339 or {@code from} is not
   *     before {@code to}
   */
  public static TimeRange parse(String from, String to) {
    TimeRange range = new TimeRange(instant("from", from), instant("to", to));
    if (range.from() != null && range.to() != null && !range.from().isBefore(range.to())) {
      throw new DeadLetterException.InvalidQuery(
          "from ("
              + from
              + ") is not before to ("
              + to
              + "): the range is from inclusive to exclusive; swap them or widen it");
    }
    return range;
  }

  /** Whether a dead letter written at {@code epochMillis} is in the range. */
  public boolean contains(long epochMillis) {
    return (from == null || epochMillis >= from.toEpochMilli())
        && (to == null || epochMillis < to.toEpochMilli());
  }

  static Instant instant(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return withinKafkaTimestamps(Timestamps.parse(text.strip()).toInstant());
    } catch (DateTimeException e) {
      throw new DeadLetterException.InvalidQuery(
          name
              + " is '"
              + text
              + "', which is not an RFC 3339 time: write it like 2026-12-01T10:00:00Z or"
              + " 2026-12-01T11:00:00.5+01:00");
    }
  }

  /**
   * The nearest time a Kafka timestamp can hold: records are stamped from 0 to {@code
   * Long.MAX_VALUE} milliseconds, and a negative time given to an offset lookup means "latest" or
   * "earliest" instead (a purge before -1 ms would delete everything). No dead letter is written
   * outside, so the range means the same.
   */
  static Instant withinKafkaTimestamps(Instant time) {
    if (time.isBefore(Instant.EPOCH)) {
      return Instant.EPOCH;
    }
    return time.isAfter(LATEST) ? LATEST : time;
  }

  private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
}
