package dev.herald.events;

import static dev.herald.api.CloudEventAttributes.*;

import dev.herald.api.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The CloudEvents Kafka protocol binding. Herald writes binary content mode ({@code ce_*} headers,
 * data as the value) and reads both binary and structured mode ({@code content-type:
 * application/cloudevents+json}, the whole event as the value).
 */
public final class KafkaBinding {

  private static final String STRUCTURED_PREFIX = "application/cloudevents";

  private KafkaBinding() {}

  /** The record headers of an event in binary content mode. */
  public static Headers headers(CloudEvent event) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, ID, event.id());
    add(headers, SOURCE, event.source());
    add(headers, TYPE, event.type());
    add(headers, SPECVERSION, event.specversion());
    add(headers, TIME, event.time() == null ? null : Timestamps.format(event.time()));
    add(headers, SUBJECT, event.subject());
    add(headers, DATASCHEMA, event.dataschema());
    event.extensions().forEach((name, value) -> add(headers, name, value));
    String contentType =
        event.datacontenttype() == null ? CloudEvent.JSON : event.datacontenttype();
    headers.add(CONTENT_TYPE_HEADER, contentType.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  /** The record value of an event in binary content mode: its data as JSON. */
  public static byte[] value(CloudEvent event) {
    return event.data() == null ? null : Json.bytes(event.data());
  }

  /** Whether a record is in structured content mode, the whole event as its value. */
  public static boolean structured(Headers headers) {
    String contentType = text(headers.lastHeader(CONTENT_TYPE_HEADER));
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith(STRUCTURED_PREFIX);
  }

  /** Reads a record in binary or structured content mode. */
  public static CloudEvent decode(Headers headers, byte[] value) throws EventDecodingException {
    if (structured(headers)) {
      return decodeStructured(value);
    }
    String contentType = text(headers.lastHeader(CONTENT_TYPE_HEADER));
    Map<String, String> attributes = new HashMap<>();
    for (Header header : headers) {
      if (header.key().startsWith(HEADER_PREFIX)) {
        attributes.put(header.key().substring(HEADER_PREFIX.length()), text(header));
      }
    }
    attributes.putIfAbsent(DATACONTENTTYPE, contentType);
    JsonNode data = value == null || value.length == 0 ? null : parse(value, "record value");
    return build(attributes, data, "header " + HEADER_PREFIX);
  }

  private static CloudEvent decodeStructured(byte[] value) throws EventDecodingException {
    if (value == null || value.length == 0) {
      throw new EventDecodingException("structured-mode record has no value");
    }
    JsonNode json = parse(value, "structured-mode record value");
    if (!json.isObject()) {
      throw new EventDecodingException(
          "structured-mode record value is a JSON " + Json.kind(json) + ", expected an object");
    }
    Map<String, String> attributes = new HashMap<>();
    for (String name : json.propertyNames()) {
      JsonNode member = json.get(name);
      if (!DATA.equals(name) && member.isString()) {
        attributes.put(name, member.stringValue());
      }
    }
    return build(attributes, json.get(DATA), "attribute ");
  }

  private static CloudEvent build(Map<String, String> attributes, JsonNode data, String where)
      throws EventDecodingException {
    for (String required : new String[] {ID, SOURCE, TYPE, SPECVERSION}) {
      String value = attributes.get(required);
      if (value == null || value.isBlank()) {
        throw new EventDecodingException("missing required CloudEvents " + where + required);
      }
    }
    if (!CloudEvent.SPEC_VERSION.equals(attributes.get(SPECVERSION))) {
      throw new EventDecodingException(
          "unsupported CloudEvents "
              + where
              + SPECVERSION
              + " '"
              + attributes.get(SPECVERSION)
              + "', expected 1.0");
    }
    Map<String, String> extensions = new HashMap<>(attributes);
    CONTEXT.forEach(extensions::remove);
    return new CloudEvent(
        attributes.get(ID),
        attributes.get(SOURCE),
        attributes.get(TYPE),
        attributes.get(SPECVERSION),
        time(attributes.get(TIME), where),
        attributes.get(SUBJECT),
        attributes.get(DATACONTENTTYPE),
        attributes.get(DATASCHEMA),
        extensions,
        data);
  }

  private static JsonNode parse(byte[] value, String what) throws EventDecodingException {
    try {
      return Json.parse(value, what);
    } catch (Json.InvalidJsonException e) {
      throw new EventDecodingException(e.getMessage(), e.getCause());
    }
  }

  private static OffsetDateTime time(String value, String where) throws EventDecodingException {
    if (value == null) {
      return null;
    }
    try {
      return Timestamps.parse(value);
    } catch (DateTimeParseException e) {
      throw new EventDecodingException(
          where + TIME + " '" + value + "' is not an RFC 3339 timestamp", e);
    }
  }

  private static void add(Headers headers, String attribute, String value) {
    if (value != null) {
      headers.add(header(attribute), value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
