package dev.herald.events;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event: the context attributes Herald knows by name, any other extension
 * attributes, and the JSON data.
 */
public record CloudEvent(
    String id,
    String source,
    String type,
    String specversion,
    OffsetDateTime time,
    String subject,
    String datacontenttype,
    String tenantid,
    String correlationid,
    String causationid,
    String userid,
    String traceparent,
    Map<String, String> extensions,
    JsonValue data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String JSON = "application/json";

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(specversion, "specversion");
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }
}
