package dev.herald.rest;

import static dev.herald.api.CloudEventAttributes.*;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.config.PublishSettings;
import dev.herald.events.Json;
import dev.herald.events.Timestamps;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event from the CloudEvents JSON format as clients send it, filling in {@code id} (a
 * UUID) and {@code time} (now), and collecting every envelope problem at once: attributes of the
 * wrong JSON type, longer than {@code herald.publish.max-attribute-length} or more extensions than
 * {@code herald.publish.max-extensions}, and a {@code traceparent} that is not W3C Trace Context.
 * The data's schema is checked afterwards by the publisher.
 */
public final class EventRequest {

  /**
   * W3C Trace Context: version, trace id, parent id and flags in lowercase hex; a later version
   * than {@code 00} may add fields after a dash.
   */
  private static final Pattern TRACE_CONTEXT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?");

  private final JsonNode json;
  private final String at;
  private final PublishSettings limits;
  private final List<Violation> violations = new ArrayList<>();

  private EventRequest(JsonNode json, String at, PublishSettings limits) {
    this.json = json;
    this.at = at;
    this.limits = limits;
  }

  /**
   * The event, or the list of violations (JSON pointer and detail) that prevent it, under the
   * default limits.
   */
  public static Result read(JsonNode json) {
    return read(json, "", PublishSettings.defaults());
  }

  /**
   * Reads one event, or one of a batch.
   *
   * @param at the JSON pointer of the event in the request, prefixed to every violation
   * @param limits the longest attribute and the most extensions an event may have
   */
  public static Result read(JsonNode json, String at, PublishSettings limits) {
    if (!json.isObject()) {
      return new Result(
          null,
          List.of(new Violation(at, "an event is a JSON object, got a JSON " + Json.kind(json))));
    }
    return new EventRequest(json, at, limits).read();
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
    int extensions = 0;
    for (String name : json.propertyNames()) {
      if (CONTEXT.contains(name) || DATA.equals(name)) {
        continue;
      }
      if (!validExtensionName(name)) {
        violate(
            name,
            "is not a CloudEvents attribute; extension names are 1-20 lowercase letters or digits");
      } else {
        extensions++;
        event.extension(name, optional(name));
      }
    }
    if (extensions > limits.maxExtensions()) {
      violations.add(
          new Violation(
              at,
              "the event has "
                  + extensions
                  + " extension attributes, more than the "
                  + limits.maxExtensions()
                  + " allowed ("
                  + PublishSettings.MAX_EXTENSIONS.key()
                  + ")"));
    }
    traceparent();
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
      return withinLimit(name, value.stringValue());
    }
    violate(name, "must be a string, got a JSON " + Json.kind(value));
    return null;
  }

  /** The value, or null with a violation when it is longer than the limit. */
  private String withinLimit(String name, String value) {
    int max = limits.maxAttributeLength();
    if (value.length() <= max) {
      return value;
    }
    int length = value.codePointCount(0, value.length());
    if (length <= max) {
      return value;
    }
    violate(
        name,
        "is "
            + length
            + " characters long, more than the "
            + max
            + " allowed ("
            + PublishSettings.MAX_ATTRIBUTE_LENGTH.key()
            + ")");
    return null;
  }

  /** A trace parent is W3C Trace Context, as the CloudEvents distributed tracing extension says. */
  private void traceparent() {
    JsonNode given = json.get(TRACEPARENT);
    if (given == null || !given.isString()) {
      return; // absent, null, or already a violation of its type
    }
    String value = given.stringValue();
    Matcher parts = TRACE_CONTEXT.matcher(value);
    boolean valid =
        parts.matches()
            && !parts.group(1).equals("ff")
            && (parts.group(4) == null || !parts.group(1).equals("00"))
            && !parts.group(2).matches("0+")
            && !parts.group(3).matches("0+");
    if (!valid && value.length() <= limits.maxAttributeLength()) {
      violate(
          TRACEPARENT,
          "must be a W3C Trace Context traceparent: 00-<32 hex trace id>-<16 hex parent id>-<2 hex"
              + " flags> in lowercase, ids not all zeros, e.g."
              + " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }
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
