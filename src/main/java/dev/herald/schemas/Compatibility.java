package dev.herald.schemas;

import dev.herald.schemas.compatibility.CompatibilityPolicy;
import dev.herald.schemas.compatibility.CompatibilityProblem;
import dev.herald.schemas.compatibility.SchemaCompatibility;
import dev.herald.schemas.upcasting.DeclarativeUpcaster;
import dev.herald.schemas.upcasting.Upcaster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/**
 * Applies a type's compatibility policy to a candidate next version. Herald upcasts older data
 * before handlers read it, so the backward direction compares what an older writer's data becomes
 * (its schema passed through the declarative upcast steps) with the candidate; the forward
 * direction compares the candidate's raw data with each older reader.
 */
final class Compatibility {

  private static final Logger LOG = Logger.getLogger(Compatibility.class.getName());

  private Compatibility() {}

  static List<CompatibilityProblem> check(TypeSchemas type, JsonNode candidate, Upcaster step) {
    CompatibilityPolicy policy = type.policy();
    if (policy == CompatibilityPolicy.NONE || type.versions().isEmpty()) {
      return List.of();
    }
    String name = policy.name();
    boolean backward = name.startsWith("BACKWARD") || name.startsWith("FULL");
    boolean forward = name.startsWith("FORWARD") || name.startsWith("FULL");
    Collection<EventSchema> against =
        name.endsWith("TRANSITIVE") ? type.versions().values() : List.of(type.latest());
    int next = type.versions().lastKey() + 1;
    List<CompatibilityProblem> problems = new ArrayList<>();
    for (EventSchema older : against) {
      if (backward) {
        JsonNode writer = upcastSchema(type, older, next, step);
        if (writer == null) {
          LOG.info(
              type.type()
                  + " v"
                  + older.version()
                  + " → v"
                  + next
                  + " goes through an Upcaster bean: backward compatibility not checked");
        } else {
          prefixed(
              SchemaCompatibility.readerCanRead(writer, candidate),
              "v" + older.version() + " data read as v" + next,
              problems);
        }
      }
      if (forward) {
        prefixed(
            SchemaCompatibility.readerCanRead(candidate, older.json()),
            "v" + next + " data read by v" + older.version() + " readers",
            problems);
      }
    }
    return problems;
  }

  /** The older version's schema after the upcast steps to {@code next}; null if a step is code. */
  private static JsonNode upcastSchema(
      TypeSchemas type, EventSchema older, int next, Upcaster step) {
    JsonNode schema = older.json();
    for (int from = older.version(); from < next; from++) {
      Upcaster upcaster = from == next - 1 ? step : type.steps().get(from);
      if (upcaster == null) {
        continue;
      }
      if (!(upcaster instanceof DeclarativeUpcaster declarative)) {
        return null;
      }
      schema = declarative.upcastSchema(schema);
    }
    return schema;
  }

  private static void prefixed(
      List<CompatibilityProblem> found, String direction, List<CompatibilityProblem> into) {
    found.forEach(
        p -> into.add(new CompatibilityProblem(p.path(), direction + ": " + p.message())));
  }
}
