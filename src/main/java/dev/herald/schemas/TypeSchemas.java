package dev.herald.schemas;

import dev.herald.api.Upcaster;
import dev.herald.schemas.compatibility.CompatibilityPolicy;
import java.util.Map;
import java.util.NavigableMap;
import tools.jackson.databind.JsonNode;

/**
 * Everything the catalog knows of one event type: its schema versions (oldest first), the upcast
 * step from each version to the next, and its compatibility policy.
 */
public record TypeSchemas(
    String type,
    NavigableMap<Integer, EventSchema> versions,
    Map<Integer, Upcaster> steps,
    CompatibilityPolicy policy) {

  public EventSchema latest() {
    return versions.lastEntry().getValue();
  }

  /** Data of {@code version} turned into the latest version, step by step. */
  public JsonNode upcast(int version, JsonNode data) {
    JsonNode current = data;
    for (int from = version; from < latest().version(); from++) {
      current = steps.get(from).upcast(current);
    }
    return current;
  }
}
