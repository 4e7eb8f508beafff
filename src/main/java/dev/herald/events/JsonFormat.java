package dev.herald.events;

import static dev.herald.api.CloudEventAttributes.*;

import dev.herald.api.CloudEvent;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents JSON event format: the whole event as one JSON object, as structured content mode
 * carries it ({@code application/cloudevents+json}, e.g. the body of a webhook). {@link
 * KafkaBinding#decode} reads it back.
 */
public final class JsonFormat {

  public static final String CONTENT_TYPE = "application/cloudevents+json";

  private JsonFormat() {}

  /** The event as JSON text; {@code time} always with seconds, as RFC 3339 requires. */
  public static String text(CloudEvent event) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put(SPECVERSION, event.specversion());
    json.put(ID, event.id());
    json.put(SOURCE, event.source());
    json.put(TYPE, event.type());
    putIfPresent(json, SUBJECT, event.subject());
    if (event.time() != null) {
      json.put(TIME, Timestamps.format(event.time()));
    }
    putIfPresent(json, DATASCHEMA, event.dataschema());
    if (event.data() != null) {
      json.put(
          DATACONTENTTYPE,
          event.datacontenttype() == null ? CloudEvent.JSON : event.datacontenttype());
    }
    for (Map.Entry<String, String> extension : new TreeMap<>(event.extensions()).entrySet()) {
      json.put(extension.getKey(), extension.getValue());
    }
    if (event.data() != null) {
      json.set(DATA, event.data());
    }
    return Json.MAPPER.writeValueAsString(json);
  }

  private static void putIfPresent(ObjectNode json, String name, String value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
