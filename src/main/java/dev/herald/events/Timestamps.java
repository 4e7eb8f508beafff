package dev.herald.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * RFC 3339 timestamps, as CloudEvents {@code time} and JSON Schema {@code date-time} use them.
 * Every consumed record carries one, so the usual shape {@code yyyy-MM-ddTHH:mm:ss[.f](Z|±HH:mm)}
 * is read field by field (several times faster than a {@code DateTimeFormatter}); anything else
 * goes through {@link OffsetDateTime#parse}, so the accepted set is the same.
 */
public final class Timestamps {

  private Timestamps() {}

  /**
   * The RFC 3339 text of a time, seconds always included ({@link OffsetDateTime#toString()} drops
   * them when zero, as in {@code 2026-11-25T10:15Z}, which strict RFC 3339 readers refuse).
   */
  public static String format(OffsetDateTime time) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  /**
   * Parses like {@link OffsetDateTime#parse(CharSequence)}.
   *
   * @throws java.time.format.DateTimeParseException when the text is not a valid timestamp
   */
  public static OffsetDateTime parse(String text) {
    OffsetDateTime usual = parseUsual(text);
    return usual != null ? usual : OffsetDateTime.parse(text);
  }

  /**
   * The timestamp when the text has the usual shape and valid fields, else null (it may still be
   * valid in another shape, such as a leap second or an offset beyond ±18:00).
   */
  public static OffsetDateTime parseUsual(String s) {
    int length = s.length();
    if (length < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < length && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(s, i);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String s, int at) {
    int length = s.length();
    if (at >= length) {
      return null;
    }
    char sign = s.charAt(at);
    if (sign == 'Z') {
      return at + 1 == length ? ZoneOffset.UTC : null;
    }
    if ((sign != '+' && sign != '-') || at + 6 != length || s.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(s, at + 1, 2);
    int minutes = digits(s, at + 4, 2);
    if ((hours | minutes) < 0) {
      return null;
    }
    try {
      return sign == '+'
          ? ZoneOffset.ofHoursMinutes(hours, minutes)
          : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
