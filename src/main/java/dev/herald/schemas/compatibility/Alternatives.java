package dev.herald.schemas.compatibility;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A schema's {@code anyOf} or {@code oneOf}: the keyword and its alternative subschemas. */
record Alternatives(String keyword, List<JsonNode> schemas) {

  private static final Alternatives NONE = new Alternatives("anyOf", List.of());

  /**
   * The writer's alternatives. A writer with both anyOf and oneOf is treated as having only its
   * anyOf, which lets it seem to write more than it does: problems may be added, never hidden.
   */
  static Alternatives of(JsonNode schema) {
    for (String keyword : List.of("anyOf", "oneOf")) {
      JsonNode alternatives = schema.get(keyword);
      if (alternatives != null && alternatives.isArray()) {
        return new Alternatives(keyword, List.copyOf(alternatives.values()));
      }
    }
    return NONE;
  }

  boolean isEmpty() {
    return schemas.isEmpty();
  }

  /** The same alternatives, in any order, apart from annotations such as descriptions. */
  boolean sameSchemas(Alternatives other) {
    return keyword.equals(other.keyword)
        && schemas.size() == other.schemas.size()
        && schemas.stream().allMatch(schema -> other.contains(schema))
        && other.schemas.stream().allMatch(this::contains);
  }

  private boolean contains(JsonNode schema) {
    JsonNode wanted = withoutAnnotations(schema);
    return schemas.stream().anyMatch(own -> JsonValues.same(withoutAnnotations(own), wanted));
  }

  private static JsonNode withoutAnnotations(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode stripped = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      if (!Keywords.ANNOTATIONS.contains(keyword.getKey())) {
        stripped.set(keyword.getKey(), keyword.getValue());
      }
    }
    return stripped;
  }
}
