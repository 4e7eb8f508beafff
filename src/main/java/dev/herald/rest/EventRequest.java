package dev.herald.rest;

import static dev.herald.api.CloudEventAttributes.*;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import dev.herald.events.Timestamps;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event from the CloudEvents JSON format as clients send it, filling in {@code id} (a
 * UUID) and {@code time} (now), and collecting every envelope problem at once. The data's schema is
 * checked afterwards by the publisher.
 */
public final class EventRequest {

  private final JsonNode json;
  private final String at;
  private final List<Violation> violations = new ArrayList<>();

  private EventRequest(JsonNode json, String at) {
    this.json = json;
    this.at = at;
  }

  /** The event, or the list of violations (JSON pointer and detail) that prevent it. */
  public static Result read(JsonNode json) {
    return read(json, "");
  }

  /**
   * Reads one event of a batch.
   *
   * @param at the JSON pointer of the event in the request, prefixed to every violation
   */
  public static Result read(JsonNode json, String at) {
    if (!json.isObject()) {
      return new Result(
          null,
          List.of(new Violation(at, "an event is a JSON object, got a JSON " + Json.kind(json))));
    }
    return new EventRequest(json, at).read();
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
      violate(SPECVERSION, "must be \"1.0\"");
    }
    String datacontenttype = optional(DATACONTENTTYPE);
    if (datacontenttype != null && !datacontenttype.startsWith(CloudEvent.JSON)) {
      violate(DATACONTENTTYPE, "must be application/json");
    }
    CloudEvent.Builder event =
        CloudEvent.builder()
            .id(optional(ID))
            .type(required(TYPE))
            .source(required(SOURCE))
            .time(time())
            .subject(optional(SUBJECT))
            .dataschema(optional(DATASCHEMA))
            .data(json.get(DATA));
    if (!json.has(DATA)) {
      violate(DATA, "is required");
    }
    for (String name : json.propertyNames()) {
      if (CONTEXT.contains(name) || DATA.equals(name)) {
        continue;
      }
      if (!validExtensionName(name)) {
        violate(
            name,
            "is not a CloudEvents attribute; extension names are 1-20 lowercase letters or digits");
      } else {
        event.extension(name, optional(name));
      }
    }
    return violations.isEmpty()
        ? new Result(event.build(), List.of())
        : new Result(null, List.copyOf(violations));
  }

  /** A string that must be there: absent or JSON {@code null} is "is required". */
  private String required(String name) {
    JsonNode given = json.get(name);
    if (given == null || given.isNull()) {
      violate(name, "is required" + (given == null ? "" : ", got null"));
      return null;
    }
    String value = optional(name);
    if (value != null && value.isBlank()) {
      violate(name, "must not be blank");
    }
    return value;
  }

  private String optional(String name) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    violate(name, "must be a string, got a JSON " + Json.kind(value));
    return null;
  }

  private OffsetDateTime time() {
    String value = optional(TIME);
    if (value == null) {
      return null;
    }
    try {
      return Timestamps.parse(value);
    } catch (DateTimeParseException e) {
      violate(TIME, "must be an RFC 3339 timestamp such as 2026-11-25T10:15:30Z");
      return null;
    }
  }

  private void violate(String member, String detail) {
    violations.add(new Violation(at + "/" + member, detail));
  }
}
