package dev.herald.events;

import static dev.herald.events.CloudEventAttributes.*;

import dev.herald.problems.Problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads an event from a CloudEvents JSON object as clients send it, filling in {@code id} (a UUID),
 * {@code time} (now) and {@code specversion}, and collecting every problem at once.
 */
public final class EventRequest {

  private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");

  private final JsonObject json;
  private final List<Violation> violations = new ArrayList<>();

  private EventRequest(JsonObject json) {
    this.json = json;
  }

  /** The event, or the list of violations (JSON pointer and detail) that prevent it. */
  public static Result read(JsonObject json) {
    return new EventRequest(json).read();
  }

  /** Either an event or the violations found. */
  public record Result(CloudEvent event, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  private Result read() {
    String specversion = optional(SPECVERSION);
    if (specversion != null && !CloudEvent.SPEC_VERSION.equals(specversion)) {
      violations.add(new Violation("/specversion", "must be \"1.0\""));
    }
    String type = required(TYPE);
    String source = required(SOURCE);
    String id = optional(ID);
    String datacontenttype = optional(DATACONTENTTYPE);
    if (datacontenttype != null && !datacontenttype.startsWith(CloudEvent.JSON)) {
      violations.add(new Violation("/datacontenttype", "must be application/json"));
    }
    OffsetDateTime time = time();
    JsonValue data = json.get("data");
    if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
      violations.add(new Violation("/data", "is required and must be a JSON object"));
    }
    String subject = optional(SUBJECT);
    String tenantid = optional(TENANTID);
    String correlationid = optional(CORRELATIONID);
    String causationid = optional(CAUSATIONID);
    String userid = optional(USERID);
    String traceparent = optional(TRACEPARENT);
    Map<String, String> extensions = extensions();
    if (!violations.isEmpty()) {
      return new Result(null, List.copyOf(violations));
    }
    CloudEvent event =
        new CloudEvent(
            id == null ? UUID.randomUUID().toString() : id,
            source,
            type,
            CloudEvent.SPEC_VERSION,
            time == null ? OffsetDateTime.now(ZoneOffset.UTC) : time,
            subject,
            CloudEvent.JSON,
            tenantid,
            correlationid,
            causationid,
            userid,
            traceparent,
            extensions,
            data);
    return new Result(event, List.of());
  }

  private String required(String name) {
    String value = optional(name);
    if (value == null && !json.containsKey(name)) {
      violations.add(new Violation("/" + name, "is required"));
    } else if (value != null && value.isBlank()) {
      violations.add(new Violation("/" + name, "must not be blank"));
    }
    return value;
  }

  private String optional(String name) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    violations.add(new Violation("/" + name, "must be a string"));
    return null;
  }

  private OffsetDateTime time() {
    String value = optional(TIME);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new Violation("/time", "must be an RFC 3339 timestamp"));
      return null;
    }
  }

  private Map<String, String> extensions() {
    Map<String, String> extensions = new HashMap<>();
    for (String name : json.keySet()) {
      if (NAMED.contains(name) || "data".equals(name) || "dataschema".equals(name)) {
        continue;
      }
      if (!EXTENSION_NAME.matcher(name).matches()) {
        violations.add(
            new Violation(
                "/" + name,
                "is not a CloudEvents attribute; extension names are 1-20 lowercase letters or"
                    + " digits"));
        continue;
      }
      String value = optional(name);
      if (value != null) {
        extensions.put(name, value);
      }
    }
    return extensions;
  }
}
