package dev.herald.rest;

import dev.herald.testing.TestEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Path and query values for {@link BadInputIT}: odd ones, and valid ones to go beside them. */
final class OddValues {

  private OddValues() {}

  /**
   * Path values that name nothing. Those marked structural change how the URL is parsed, so the web
   * container may answer before JAX-RS, without a problem detail.
   */
  static final Map<String, Boolean> ODD_PATH_VALUES = oddPathValues();

  /** A value of each path parameter that names something, so that the rest of a request counts. */
  static final Map<String, String> VALID_PATH_VALUES =
      Map.of(
          "type", TestEvents.TYPE,
          "channel", "chat-message-received",
          "version", "1",
          // no event, task, replay or dead letter has it; a dead-letter id it is not even one
          "id", "00000000-0000-0000-0000-000000000000",
          "eventId", "00000000-0000-0000-0000-000000000000",
          "source", "herald");

  static final List<String> ODD_QUERY_VALUES =
      List.of(
          "abc", "-1", "1.5", "99999999999999999999", "true", "%00", "%E2%98%83", "x".repeat(3000));

  /** Valid for some parameters (times beyond what Kafka holds): any answer but a 5xx. */
  static final List<String> EXTREME_QUERY_VALUES =
      List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z");

  /**
   * Any text is a valid value of these: an odd one may find nothing (200), never fail. A stream's
   * tenant is any name of up to 256 characters: the admin may stream any tenant's events.
   */
  static final Set<String> FREE_TEXT_QUERY = Set.of("reason", "handler", "tenant");

  /**
   * Request headers over Liberty's limits (server.xml's {@code httpOptions}: 100 headers of up to
   * 16 KiB): Liberty refuses the request before JAX-RS, without a problem detail.
   */
  static final Map<String, Map<String, String>> ODD_HEADERS = oddHeaders();

  private static Map<String, Map<String, String>> oddHeaders() {
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    headers.put("a 20 KB header", Map.of("X-Herald-Odd", "x".repeat(20_000)));
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 120; i++) {
      many.put("X-Herald-Odd-" + i, "x");
    }
    headers.put("120 headers", many);
    return headers;
  }

  private static Map<String, Boolean> oddPathValues() {
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (String value :
        List.of(
            "nope",
            "%E2%98%83",
            "%F0%9F%92%A9%C3%A9",
            "%20",
            "-1",
            "0",
            "99999999999999999999",
            "1e3",
            "null",
            "%7B%7D",
            "chat.message.received%20",
            "CHAT.MESSAGE.RECEIVED",
            "chat-message-received-0-",
            "chat-message-received--1-5")) {
      values.put(value, false);
    }
    for (String value :
        List.of(
            "x".repeat(2000),
            "%00",
            "chat.message.received%00",
            "..",
            "%2e%2e",
            "%2F",
            "a%2Fb",
            "%5C",
            "a%3Bb%3Dc")) {
      values.put(value, true);
    }
    return values;
  }
}
