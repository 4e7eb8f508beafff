package dev.herald.schemas;

import static dev.herald.api.CloudEventAttributes.DATASCHEMA;
import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Says, for data that breaks the version it was read as, how that version was determined and which
 * other versions the data matches, so that a producer learns what to send instead of only what is
 * wrong. It validates the data against every other version: a cost for rejected events only.
 */
final class VersionHint {

  private VersionHint() {}

  /**
   * @param prefix how attributes are spelled where the event came from: {@code ce_} for Kafka
   *     headers, empty for CloudEvents JSON
   */
  static Optional<String> of(
      TypeSchemas schemas, VersionReading reading, JsonNode data, String prefix) {
    List<Integer> matching = new ArrayList<>();
    for (EventSchema schema : schemas.versions().values()) {
      if (schema.version() != reading.version() && schema.accepts(data)) {
        matching.add(schema.version());
      }
    }
    String readAs = "read as v" + reading.version() + " " + basis(reading, prefix);
    if (!matching.isEmpty()) {
      return Optional.of(
          readAs + "; the data matches " + matches(schemas, reading, matching, prefix));
    }
    int latest = schemas.latest().version();
    if (reading.basis() == VersionReading.Basis.ABSENT && latest != reading.version()) {
      return Optional.of(
          readAs
              + "; it matches no other version either (latest is v"
              + latest
              + ": send "
              + send(prefix, latest)
              + " with v"
              + latest
              + " data)");
    }
    return Optional.empty();
  }

  private static String basis(VersionReading reading, String prefix) {
    return switch (reading.basis()) {
      case ABSENT -> "because " + prefix + SCHEMAVERSION + " is absent";
      case SCHEMAVERSION -> "from " + prefix + SCHEMAVERSION + "=" + reading.named();
      case DATASCHEMA -> "from " + prefix + DATASCHEMA + "=" + reading.named();
    };
  }

  private static String matches(
      TypeSchemas schemas, VersionReading reading, List<Integer> versions, String prefix) {
    if (versions.size() > 1) {
      return versions.stream().map(v -> "v" + v).collect(Collectors.joining(" and "))
          + ": send "
          + prefix
          + SCHEMAVERSION
          + " with the version it was written for";
    }
    int version = versions.get(0);
    String id = schemas.versions().get(version).id();
    if (reading.basis() == VersionReading.Basis.DATASCHEMA && id != null) {
      return "v"
          + version
          + ": send "
          + prefix
          + DATASCHEMA
          + "="
          + id
          + " (or "
          + send(prefix, version)
          + ")";
    }
    return "v" + version + ": send " + send(prefix, version);
  }

  private static String send(String prefix, int version) {
    return prefix + SCHEMAVERSION + "=" + version;
  }
}
