package dev.herald.events;

import static dev.herald.events.CloudEventAttributes.*;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents Kafka protocol binding. Herald writes binary content mode ({@code ce_*} headers,
 * data as the value) and reads both binary and structured mode ({@code content-type:
 * application/cloudevents+json}, the whole event as the value).
 */
public final class KafkaBinding {

  private static final String STRUCTURED_PREFIX = "application/cloudevents";
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private KafkaBinding() {}

  /** The record headers of an event in binary content mode. */
  public static Headers headers(CloudEvent event) {
    RecordHeaders headers = new RecordHeaders();
    attributes(event).forEach((name, value) -> headers.add(header(name), utf8(value)));
    headers.add(CONTENT_TYPE_HEADER, utf8(orDefault(event.datacontenttype(), CloudEvent.JSON)));
    return headers;
  }

  /** The record value of an event in binary content mode: its data as JSON. */
  public static byte[] value(CloudEvent event) {
    return event.data() == null ? null : utf8(event.data().toString());
  }

  /** Reads a record in binary or structured content mode. */
  public static CloudEvent decode(Headers headers, byte[] value) throws EventDecodingException {
    String contentType = lastHeader(headers, CONTENT_TYPE_HEADER);
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(STRUCTURED_PREFIX)) {
      return decodeStructured(value);
    }
    Map<String, String> attributes = new HashMap<>();
    for (Header header : headers) {
      if (header.key().startsWith(HEADER_PREFIX)) {
        attributes.put(header.key().substring(HEADER_PREFIX.length()), text(header));
      }
    }
    if (!attributes.containsKey(DATACONTENTTYPE) && contentType != null) {
      attributes.put(DATACONTENTTYPE, contentType);
    }
    JsonValue data = value == null || value.length == 0 ? null : parse(value, "record value");
    return build(attributes::get, data, attributes, "header " + HEADER_PREFIX);
  }

  private static CloudEvent decodeStructured(byte[] value) throws EventDecodingException {
    if (value == null || value.length == 0) {
      throw new EventDecodingException("structured-mode record has no value");
    }
    JsonValue json = parse(value, "structured-mode record value");
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new EventDecodingException(
          "structured-mode record value is a JSON " + kind(json) + ", expected an object");
    }
    JsonObject object = json.asJsonObject();
    Map<String, String> attributes = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      if (!"data".equals(entry.getKey()) && entry.getValue() instanceof JsonString s) {
        attributes.put(entry.getKey(), s.getString());
      }
    }
    return build(attributes::get, object.get("data"), attributes, "attribute ");
  }

  private static CloudEvent build(
      Function<String, String> attribute, JsonValue data, Map<String, String> all, String where)
      throws EventDecodingException {
    for (String required : new String[] {ID, SOURCE, TYPE, SPECVERSION}) {
      String value = attribute.apply(required);
      if (value == null || value.isBlank()) {
        throw new EventDecodingException("missing required CloudEvents " + where + required);
      }
    }
    if (!CloudEvent.SPEC_VERSION.equals(attribute.apply(SPECVERSION))) {
      throw new EventDecodingException(
          "unsupported CloudEvents specversion '"
              + attribute.apply(SPECVERSION)
              + "' in "
              + where
              + SPECVERSION
              + ", expected 1.0");
    }
    Map<String, String> extensions = new HashMap<>(all);
    CloudEventAttributes.NAMED.forEach(extensions::remove);
    return new CloudEvent(
        attribute.apply(ID),
        attribute.apply(SOURCE),
        attribute.apply(TYPE),
        attribute.apply(SPECVERSION),
        time(attribute.apply(TIME), where),
        attribute.apply(SUBJECT),
        attribute.apply(DATACONTENTTYPE),
        attribute.apply(TENANTID),
        attribute.apply(CORRELATIONID),
        attribute.apply(CAUSATIONID),
        attribute.apply(USERID),
        attribute.apply(TRACEPARENT),
        extensions,
        data);
  }

  private static Map<String, String> attributes(CloudEvent event) {
    Map<String, String> attributes = new HashMap<>(event.extensions());
    attributes.put(ID, event.id());
    attributes.put(SOURCE, event.source());
    attributes.put(TYPE, event.type());
    attributes.put(SPECVERSION, event.specversion());
    putIfPresent(attributes, TIME, event.time() == null ? null : event.time().toString());
    putIfPresent(attributes, SUBJECT, event.subject());
    putIfPresent(attributes, TENANTID, event.tenantid());
    putIfPresent(attributes, CORRELATIONID, event.correlationid());
    putIfPresent(attributes, CAUSATIONID, event.causationid());
    putIfPresent(attributes, USERID, event.userid());
    putIfPresent(attributes, TRACEPARENT, event.traceparent());
    return attributes;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static JsonValue parse(byte[] value, String what) throws EventDecodingException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      throw new EventDecodingException(what + " is not UTF-8 text, so it cannot be JSON", e);
    }
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw new EventDecodingException(what + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static OffsetDateTime time(String value, String where) throws EventDecodingException {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new EventDecodingException(
          where + TIME + " '" + value + "' is not an RFC 3339 timestamp", e);
    }
  }

  private static String kind(JsonValue value) {
    return value.getValueType().name().toLowerCase(Locale.ROOT);
  }

  private static String lastHeader(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : text(header);
  }

  private static String text(Header header) {
    return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
