package dev.herald.schemas;

import dev.herald.api.Upcaster;
import dev.herald.schemas.compatibility.CompatibilityProblem;
import dev.herald.schemas.upcasting.DeclarativeUpcaster;
import java.util.List;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/**
 * Applies a type's compatibility policy to a candidate next version. Herald upcasts older data
 * before handlers read it, so the backward direction compares what an older writer's data becomes
 * (its schema passed through the declarative upcast steps) with the candidate.
 */
final class Compatibility {

  private static final Logger LOG = Logger.getLogger(Compatibility.class.getName());

  private Compatibility() {}

  static List<CompatibilityProblem> check(TypeSchemas type, JsonNode candidate, Upcaster step) {
    List<JsonNode> existing = type.versions().values().stream().map(EventSchema::json).toList();
    int next = existing.size() + 1;
    return type.policy()
        .check(
            existing,
            candidate,
            (version, schema) -> {
              JsonNode upcast = upcastSchema(type, version, schema, next, step);
              if (upcast == null) {
                LOG.info(
                    type.type()
                        + " v"
                        + version
                        + " → v"
                        + next
                        + " goes through an Upcaster bean: backward compatibility not checked");
              }
              return upcast;
            });
  }

  /** The older version's schema after the upcast steps to {@code next}; null if a step is code. */
  private static JsonNode upcastSchema(
      TypeSchemas type, int version, JsonNode schema, int next, Upcaster step) {
    JsonNode upcast = schema;
    for (int from = version; from < next; from++) {
      Upcaster upcaster = from == next - 1 ? step : type.steps().get(from);
      if (upcaster == null) {
        continue;
      }
      if (!(upcaster instanceof DeclarativeUpcaster declarative)) {
        return null;
      }
      upcast = declarative.upcastSchema(upcast);
    }
    return upcast;
  }
}
