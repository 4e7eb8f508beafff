package dev.herald.schemas;

import static dev.herald.api.CloudEventAttributes.DATASCHEMA;
import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an event's data is read as and what said so: its {@code schemaversion}, else the
 * version its {@code dataschema} names (a schema's {@code $id}, or a URI ending in {@code v<N>} or
 * {@code v<N>.json}), else {@link #IF_ABSENT}. A violation instead when the event names a version
 * the type does not have.
 */
record VersionReading(int version, Basis basis, String named, Violation violation) {

  /** The version of an event that names none. */
  static final int IF_ABSENT = 1;

  private static final Pattern VERSIONED_URI = Pattern.compile("v(\\d+)(\\.json)?$");

  /** What determined the version. */
  enum Basis {
    SCHEMAVERSION,
    DATASCHEMA,
    ABSENT
  }

  static VersionReading of(CloudEvent event, TypeSchemas schemas) {
    Map<Integer, EventSchema> versions = schemas.versions();
    if (event.schemaversion() != null) {
      int number = parse(event.schemaversion());
      return versions.containsKey(number)
          ? new VersionReading(number, Basis.SCHEMAVERSION, event.schemaversion(), null)
          : unknown(SCHEMAVERSION, event.schemaversion(), schemas);
    }
    String dataschema = event.dataschema();
    if (dataschema != null) {
      for (EventSchema schema : versions.values()) {
        if (dataschema.equals(schema.id())) {
          return new VersionReading(schema.version(), Basis.DATASCHEMA, dataschema, null);
        }
      }
      Matcher matcher = VERSIONED_URI.matcher(dataschema);
      if (matcher.find() && versions.containsKey(parse(matcher.group(1)))) {
        return new VersionReading(parse(matcher.group(1)), Basis.DATASCHEMA, dataschema, null);
      }
      return unknown(DATASCHEMA, dataschema, schemas);
    }
    return new VersionReading(IF_ABSENT, Basis.ABSENT, null, null);
  }

  boolean known() {
    return violation == null;
  }

  private static VersionReading unknown(String attribute, String value, TypeSchemas schemas) {
    return new VersionReading(
        -1,
        null,
        value,
        new Violation(
            "/" + attribute,
            "'"
                + value
                + "' names no version of "
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
