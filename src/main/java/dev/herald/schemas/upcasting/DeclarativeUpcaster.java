package dev.herald.schemas.upcasting;

import dev.herald.api.Upcaster;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An upcast step written as data: a JSON array of operations applied in order, e.g.
 *
 * <pre>
 * [{"op": "nest", "path": "/content", "as": "text"},
 *  {"op": "default", "path": "/content/attachments", "value": []}]
 * </pre>
 */
public final class DeclarativeUpcaster implements Upcaster {

  private final String type;
  private final int fromVersion;
  private final List<UpcastOperation> operations;

  private DeclarativeUpcaster(String type, int fromVersion, List<UpcastOperation> operations) {
    this.type = type;
    this.fromVersion = fromVersion;
    this.operations = List.copyOf(operations);
  }

  /**
   * Reads the operations.
   *
   * @throws IllegalArgumentException naming the operation that is not understood
   */
  public static DeclarativeUpcaster of(String type, int fromVersion, JsonNode operations) {
    if (!operations.isArray()) {
      throw new IllegalArgumentException("an upcast is a JSON array of operations");
    }
    List<UpcastOperation> parsed = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      try {
        parsed.add(Operations.parse(operations.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("operation " + i + ": " + e.getMessage(), e);
      }
    }
    return new DeclarativeUpcaster(type, fromVersion, parsed);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public int fromVersion() {
    return fromVersion;
  }

  @Override
  public JsonNode upcast(JsonNode data) {
    if (!data.isObject()) {
      return data;
    }
    ObjectNode copy = (ObjectNode) data.deepCopy();
    operations.forEach(operation -> operation.apply(copy));
    return copy;
  }

  /** What the writer schema of {@link #fromVersion()} describes once its data is upcast. */
  public JsonNode upcastSchema(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = (ObjectNode) schema.deepCopy();
    operations.forEach(operation -> operation.applyToSchema(copy));
    return copy;
  }
}
