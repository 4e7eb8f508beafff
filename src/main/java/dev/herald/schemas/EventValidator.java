package dev.herald.schemas;

import static dev.herald.api.CloudEventAttributes.DATASCHEMA;
import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an event against the catalog: a type Herald carries, a known schema version, and data that
 * the schema of that version accepts; and brings valid events up to the latest version.
 *
 * <p>An event's version is its {@code schemaversion} extension, else the version its {@code
 * dataschema} names (a schema's {@code $id}, or a URI ending in {@code v<N>} or {@code v<N>.json}),
 * else 1.
 */
@ApplicationScoped
public class EventValidator {

  private static final Pattern VERSIONED_URI = Pattern.compile("v(\\d+)(\\.json)?$");

  @Inject SchemaCatalog catalog;

  public List<Violation> validate(CloudEvent event) {
    Optional<TypeSchemas> schemas = catalog.type(event.type());
    if (schemas.isEmpty()) {
      return List.of(
          new Violation(
              "/type",
              "unknown event type '"
                  + event.type()
                  + "'; GET /api/event-types lists the types Herald carries"));
    }
    Version version = version(event, schemas.get());
    if (version.violation() != null) {
      return List.of(version.violation());
    }
    if (event.data() == null || !event.data().isObject()) {
      return List.of(
          new Violation(
              "/data",
              "must be a JSON object, got "
                  + (event.data() == null ? "no data" : "a JSON " + Json.kind(event.data()))));
    }
    return schemas.get().versions().get(version.number()).validate(event.data());
  }

  /**
   * A valid event with its data upcast to the latest version, {@code schemaversion} and {@code
   * dataschema} set accordingly; the event itself when it is already the latest.
   *
   * @throws IllegalStateException when the upcast data breaks the latest schema (an upcaster bug)
   */
  public CloudEvent toLatest(CloudEvent event) {
    TypeSchemas schemas = catalog.type(event.type()).orElseThrow();
    int version = version(event, schemas).number();
    EventSchema latest = schemas.latest();
    if (version == latest.version()) {
      return event;
    }
    CloudEvent upcast =
        event.toBuilder()
            .data(schemas.upcast(version, event.data()))
            .extension(SCHEMAVERSION, Integer.toString(latest.version()))
            .dataschema(latest.id())
            .build();
    List<Violation> violations = latest.validate(upcast.data());
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "upcasting "
              + event.type()
              + " v"
              + version
              + " to v"
              + latest.version()
              + " gave data that breaks v"
              + latest.version()
              + ": "
              + violations);
    }
    return upcast;
  }

  private record Version(int number, Violation violation) {}

  private static Version version(CloudEvent event, TypeSchemas schemas) {
    Map<Integer, EventSchema> versions = schemas.versions();
    if (event.schemaversion() != null) {
      int number = parse(event.schemaversion());
      return versions.containsKey(number)
          ? new Version(number, null)
          : unknown(SCHEMAVERSION, "'" + event.schemaversion() + "'", schemas);
    }
    if (event.dataschema() != null) {
      for (EventSchema schema : versions.values()) {
        if (event.dataschema().equals(schema.id())) {
          return new Version(schema.version(), null);
        }
      }
      Matcher matcher = VERSIONED_URI.matcher(event.dataschema());
      if (matcher.find() && versions.containsKey(parse(matcher.group(1)))) {
        return new Version(parse(matcher.group(1)), null);
      }
      return unknown(DATASCHEMA, "'" + event.dataschema() + "'", schemas);
    }
    return new Version(1, null);
  }

  private static Version unknown(String attribute, String value, TypeSchemas schemas) {
    return new Version(
        -1,
        new Violation(
            "/" + attribute,
            value
                + " names no version of "
                + schemas.type()
                + "; known versions: "
                + schemas.versions().keySet()));
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
