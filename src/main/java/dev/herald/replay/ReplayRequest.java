package dev.herald.replay;

import static dev.herald.replay.ReplayRefusedException.invalid;

import dev.herald.events.Json;
import dev.herald.events.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What a replay is asked to read and to whom it hands the events: a type, either a time range on
 * the records' timestamps ({@code from}, optional {@code to}, both inclusive) or offsets per
 * partition ({@code from} and {@code to}, both inclusive), and the handlers (none named: every
 * handler that has not opted out).
 *
 * @param from first record time of a time range; null for offsets
 * @param to last record time of a time range; null for up to the end of each partition
 * @param offsets offsets per partition; null for a time range
 * @param handlers the named handlers, in the order given; empty for all
 */
public record ReplayRequest(
    String type, Instant from, Instant to, Map<Integer, Offsets> offsets, List<String> handlers) {

  /** The first and last offset of a partition to replay, both inclusive. */
  public record Offsets(long from, long to) {}

  private static final Set<String> MEMBERS =
      Set.of("type", "from", "to", "offsets", "handler", "handlers");

  public ReplayRequest {
    offsets = offsets == null ? null : Map.copyOf(offsets);
    handlers = List.copyOf(handlers);
  }

  /** Whether the range is a time range (else offsets). */
  public boolean byTime() {
    return offsets == null;
  }

  /**
   * Reads a request body; every mistake is a {@link ReplayRefusedException.Reason#INVALID} that
   * says what to send instead.
   */
  public static ReplayRequest parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw invalid(
          "A replay request is a JSON object with type and either from/to or offsets, got a JSON "
              + (json == null ? "nothing" : Json.kind(json)));
    }
    for (String name : json.propertyNames()) {
      if (!MEMBERS.contains(name)) {
        throw invalid(
            "Unknown member '"
                + name
                + "'; a replay request has type, from and to or offsets, and handler or"
                + " handlers");
      }
    }
    String type = text(json, "type");
    if (type == null || type.isBlank()) {
      throw invalid("Name the event type to replay: \"type\": \"chat.message.received\"");
    }
    boolean timeRange = json.has("from") || json.has("to");
    if (timeRange == json.has("offsets")) {
      throw invalid(
          timeRange
              ? "Give either a time range (from, to) or offsets, not both"
              : "Give a time range (\"from\": RFC 3339 time, optional \"to\") or \"offsets\":"
                  + " {\"<partition>\": {\"from\": n, \"to\": n}}");
    }
    List<String> handlers = handlers(json);
    if (!timeRange) {
      return new ReplayRequest(type, null, null, offsets(json.get("offsets")), handlers);
    }
    Instant from = time(json, "from");
    if (from == null) {
      throw invalid("A time range needs \"from\", the time of the first record to replay");
    }
    Instant to = time(json, "to");
    if (to != null && to.isBefore(from)) {
      throw invalid("The time range is inverted: from " + from + " is after to " + to);
    }
    return new ReplayRequest(type, from, to, null, handlers);
  }

  private static String text(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw invalid("\"" + name + "\" must be a string, got a JSON " + Json.kind(value));
    }
    return value.stringValue();
  }

  private static Instant time(JsonNode json, String name) {
    String text = text(json, name);
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          "\""
              + name
              + "\" is '"
              + text
              + "', not an RFC 3339 time; send e.g. \"2026-11-25T10:00:00Z\"");
    }
  }

  private static List<String> handlers(JsonNode json) {
    if (json.has("handler") && json.has("handlers")) {
      throw invalid("Give either \"handler\" (one name) or \"handlers\" (a list), not both");
    }
    if (json.has("handler")) {
      String one = text(json, "handler");
      if (one == null || one.isBlank()) {
        throw invalid("\"handler\" must name a handler, e.g. \"audit\"");
      }
      return List.of(one);
    }
    JsonNode list = json.get("handlers");
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray() || list.isEmpty()) {
      throw invalid("\"handlers\" must be a non-empty list of handler names, e.g. [\"audit\"]");
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode name : list) {
      if (!name.isString() || name.stringValue().isBlank()) {
        throw invalid("\"handlers\" must hold handler names, got a JSON " + Json.kind(name));
      }
      names.add(name.stringValue());
    }
    return new ArrayList<>(names);
  }

  private static Map<Integer, Offsets> offsets(JsonNode json) {
    if (!json.isObject() || json.isEmpty()) {
      throw invalid(
          "\"offsets\" must be a non-empty object of partitions, e.g. {\"0\": {\"from\": 10,"
              + " \"to\": 20}}");
    }
    Map<Integer, Offsets> offsets = new TreeMap<>();
    for (String key : json.propertyNames()) {
      int partition;
      try {
        partition = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        partition = -1;
      }
      if (partition < 0 || !key.equals(String.valueOf(partition))) {
        throw invalid("\"offsets\" key '" + key + "' is not a partition number such as \"0\"");
      }
      JsonNode range = json.get(key);
      long from = offset(range, key, "from");
      long to = offset(range, key, "to");
      if (to < from) {
        throw invalid(
            "The offsets of partition " + key + " are inverted: from " + from + " is after " + to);
      }
      offsets.put(partition, new Offsets(from, to));
    }
    return offsets;
  }

  private static long offset(JsonNode range, String partition, String name) {
    JsonNode value = range.isObject() ? range.get(name) : null;
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalid(
          "Partition "
              + partition
              + " needs \""
              + name
              + "\", an offset (a whole number), e.g. {\"from\": 10, \"to\": 20}");
    }
    long offset = value.longValue();
    if (offset < 0) {
      throw invalid("Partition " + partition + " has a negative \"" + name + "\": " + offset);
    }
    return offset;
  }
}
