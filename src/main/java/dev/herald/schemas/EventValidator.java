package dev.herald.schemas;

import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Checks an event against the catalog: a type Herald carries, a known schema version, and data that
 * the schema of that version accepts; and brings valid events up to the latest version.
 *
 * <p>An event's version is its {@code schemaversion} extension, else the version its {@code
 * dataschema} names (a schema's {@code $id}, or a URI ending in {@code v<N>} or {@code v<N>.json}),
 * else {@value #VERSION_IF_ABSENT}: an absent version is not guessed from the data (see the README,
 * "Schema versions"), but a rejection says which other version the data matches ({@link
 * #versionHint}).
 */
@ApplicationScoped
public class EventValidator {

  /** The version of an event that names none by {@code schemaversion} or {@code dataschema}. */
  public static final int VERSION_IF_ABSENT = VersionReading.IF_ABSENT;

  @Inject SchemaCatalog catalog;

  /**
   * The event with its {@code schemaversion} written out, so that its record names its version: the
   * version its {@code dataschema} names, else the latest. An event with a {@code schemaversion},
   * or a {@code dataschema} naming no known version (which validation then reports), is left as it
   * is.
   */
  public CloudEvent stamp(CloudEvent event) {
    if (event.schemaversion() != null) {
      return event;
    }
    Optional<Integer> version =
        event.dataschema() != null
            ? namedVersion(event)
            : catalog.latest(event.type()).map(EventSchema::version);
    return version
        .map(v -> event.toBuilder().extension(SCHEMAVERSION, v.toString()).build())
        .orElse(event);
  }

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
    VersionReading reading = VersionReading.of(event, schemas.get());
    if (!reading.known()) {
      return List.of(reading.violation());
    }
    if (event.data() == null || !event.data().isObject()) {
      return List.of(
          new Violation(
              "/data",
              "must be a JSON object, got "
                  + (event.data() == null ? "no data" : "a JSON " + Json.kind(event.data()))));
    }
    return schemas.get().versions().get(reading.version()).validate(event.data());
  }

  /**
   * For an event whose data breaks the version it was read as: how that version was determined and
   * which other versions the data matches, e.g. {@code read as v1 because ce_schemaversion is
   * absent; the data matches v2: send ce_schemaversion=2}. Empty when the event has another
   * problem, or when there is nothing more to say. It checks the data against every version (each
   * check stops at the first failure), so call it only for events {@link #validate} rejected.
   *
   * @param prefix how attributes are spelled where the event came from: {@code ce_} for Kafka
   *     headers, empty for CloudEvents JSON
   */
  public Optional<String> versionHint(CloudEvent event, String prefix) {
    Optional<TypeSchemas> schemas = catalog.type(event.type());
    if (schemas.isEmpty() || event.data() == null || !event.data().isObject()) {
      return Optional.empty();
    }
    VersionReading reading = VersionReading.of(event, schemas.get());
    if (!reading.known() || schemas.get().versions().get(reading.version()).accepts(event.data())) {
      return Optional.empty();
    }
    return VersionHint.of(schemas.get(), reading, event.data(), prefix);
  }

  /**
   * The version an event names by {@code schemaversion} or {@code dataschema}; empty when it names
   * none, or one its type does not have.
   */
  public Optional<Integer> namedVersion(CloudEvent event) {
    return catalog
        .type(event.type())
        .map(schemas -> VersionReading.of(event, schemas))
        .filter(reading -> reading.known() && reading.basis() != VersionReading.Basis.ABSENT)
        .map(VersionReading::version);
  }

  /**
   * A valid event with its data upcast to the latest version, {@code schemaversion} and {@code
   * dataschema} set accordingly; the event itself when it is already the latest.
   *
   * @throws IllegalStateException when the upcast data breaks the latest schema (an upcaster bug)
   */
  public CloudEvent toLatest(CloudEvent event) {
    TypeSchemas schemas = catalog.type(event.type()).orElseThrow();
    int version = VersionReading.of(event, schemas).version();
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
}
