package dev.herald.schemas;

import static dev.herald.events.CloudEventAttributes.SCHEMAVERSION;

import dev.herald.events.CloudEvent;
import dev.herald.events.Json;
import dev.herald.events.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.NavigableMap;

/**
 * Checks an event against the catalog: a type Herald carries, a known schema version ({@code
 * schemaversion}, 1 when absent), and data that its schema accepts.
 */
@ApplicationScoped
public class EventValidator {

  @Inject SchemaCatalog catalog;

  public List<Violation> validate(CloudEvent event) {
    NavigableMap<Integer, EventSchema> versions = catalog.versions(event.type());
    if (versions.isEmpty()) {
      return List.of(
          new Violation(
              "/type",
              "unknown event type '"
                  + event.type()
                  + "'; GET /api/event-types lists the types Herald carries"));
    }
    int version;
    try {
      version = version(event);
    } catch (NumberFormatException e) {
      return List.of(
          new Violation(
              "/" + SCHEMAVERSION,
              "'"
                  + event.schemaversion()
                  + "' is not a schema version; expected a positive integer"));
    }
    EventSchema schema = versions.get(version);
    if (schema == null) {
      return List.of(
          new Violation(
              "/" + SCHEMAVERSION,
              "unknown version "
                  + version
                  + " of "
                  + event.type()
                  + "; known versions: "
                  + versions.keySet()));
    }
    if (event.data() == null || !event.data().isObject()) {
      return List.of(
          new Violation(
              "/data",
              "must be a JSON object, got "
                  + (event.data() == null ? "no data" : "a JSON " + Json.kind(event.data()))));
    }
    return schema.validate(event.data());
  }

  /** The schema version an event declares: its {@code schemaversion} extension, else 1. */
  public static int version(CloudEvent event) {
    String declared = event.schemaversion();
    if (declared == null) {
      return 1;
    }
    int version = Integer.parseInt(declared.trim());
    if (version < 1) {
      throw new NumberFormatException(declared);
    }
    return version;
  }
}
