package dev.herald.schemas.compatibility;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One schema for what a writer's parts ({@code $ref} target and siblings, {@code allOf} entries)
 * accept together. Where two parts disagree on a keyword it cannot combine exactly, the keyword is
 * dropped: the writer then seems to allow more, which can only add problems, never hide one.
 */
final class WriterIntersection {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> LOWER_LIMITS =
      Set.of("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum");
  private static final Set<String> UPPER_LIMITS =
      Set.of("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum");

  private WriterIntersection() {}

  /** The parts must hold no {@code false} schema; a writer with one accepts nothing. */
  static ObjectNode of(List<JsonNode> parts) {
    ObjectNode merged = NODES.objectNode();
    for (JsonNode part : parts) {
      for (Map.Entry<String, JsonNode> keyword : part.properties()) {
        merge(merged, keyword.getKey(), keyword.getValue());
      }
    }
    return merged;
  }

  private static void merge(ObjectNode merged, String keyword, JsonNode value) {
    JsonNode existing = merged.get(keyword);
    if (existing == null) {
      merged.set(keyword, value);
      return;
    }
    if (JsonValues.same(existing, value)) {
      return;
    }
    JsonNode combined = combine(keyword, existing, value);
    if (combined == null) {
      merged.remove(keyword);
    } else {
      merged.set(keyword, combined);
    }
  }

  private static JsonNode combine(String keyword, JsonNode a, JsonNode b) {
    if (LOWER_LIMITS.contains(keyword) && a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) >= 0 ? a : b;
    }
    if (UPPER_LIMITS.contains(keyword) && a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) <= 0 ? a : b;
    }
    return switch (keyword) {
      case "type" -> types(a, b);
      case "required" -> union(a, b);
      case "enum" -> commonValues(a, b);
      case "properties" -> properties(a, b);
      case "additionalProperties", "items" -> allOf(a, b);
      case "default" -> a;
      default -> null;
    };
  }

  private static JsonNode types(JsonNode a, JsonNode b) {
    ObjectNode left = NODES.objectNode().set("type", a);
    ObjectNode right = NODES.objectNode().set("type", b);
    JsonTypes common = JsonTypes.declared(left).intersect(JsonTypes.declared(right));
    ArrayNode names = NODES.arrayNode();
    common.split().forEach(names::add);
    return names;
  }

  private static JsonNode union(JsonNode a, JsonNode b) {
    Set<String> names = new LinkedHashSet<>();
    a.values().forEach(name -> names.add(name.asString()));
    b.values().forEach(name -> names.add(name.asString()));
    ArrayNode union = NODES.arrayNode();
    names.forEach(union::add);
    return union;
  }

  private static JsonNode commonValues(JsonNode a, JsonNode b) {
    ArrayNode common = NODES.arrayNode();
    a.values().stream()
        .filter(value -> JsonValues.contains(b.values(), value))
        .forEach(common::add);
    return common;
  }

  private static JsonNode properties(JsonNode a, JsonNode b) {
    if (!a.isObject() || !b.isObject()) {
      return null;
    }
    ObjectNode properties = NODES.objectNode();
    properties.setAll((ObjectNode) a);
    for (Map.Entry<String, JsonNode> property : b.properties()) {
      JsonNode existing = properties.get(property.getKey());
      properties.set(
          property.getKey(),
          existing == null ? property.getValue() : allOf(existing, property.getValue()));
    }
    return properties;
  }

  private static JsonNode allOf(JsonNode a, JsonNode b) {
    return NODES.objectNode().set("allOf", NODES.arrayNode().add(a).add(b));
  }
}
