package dev.herald.schemas.upcasting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON pointer to an object member, navigable in data and in the object schemas describing it.
 */
record Pointer(List<String> parents, String name) {

  static Pointer parse(String pointer) {
    if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
      throw new IllegalArgumentException("'" + pointer + "' is not a JSON pointer to a member");
    }
    List<String> tokens =
        new ArrayList<>(
            Arrays.stream(pointer.substring(1).split("/", -1))
                .map(t -> t.replace("~1", "/").replace("~0", "~"))
                .toList());
    String name = tokens.remove(tokens.size() - 1);
    return new Pointer(List.copyOf(tokens), name);
  }

  /** The object holding the member in the data, created when asked to; null when absent. */
  ObjectNode parentIn(ObjectNode data, boolean create) {
    ObjectNode node = data;
    for (String token : parents) {
      JsonNode child = node.get(token);
      if (child == null && create) {
        child = node.putObject(token);
      }
      if (child == null || !child.isObject()) {
        return null;
      }
      node = (ObjectNode) child;
    }
    return node;
  }

  /** The object schema describing the member's parent, created when asked to; null when absent. */
  ObjectNode parentSchemaIn(ObjectNode schema, boolean create) {
    ObjectNode node = schema;
    for (String token : parents) {
      ObjectNode properties = properties(node);
      JsonNode child = properties.get(token);
      if (child == null && create) {
        child = properties.putObject(token).put("type", "object");
      }
      if (child == null || !child.isObject()) {
        return null;
      }
      node = (ObjectNode) child;
    }
    return node;
  }

  static ObjectNode properties(ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    return properties instanceof ObjectNode object ? object : schema.putObject("properties");
  }

  static boolean isRequired(ObjectNode schema, String name) {
    JsonNode required = schema.get("required");
    if (required != null) {
      for (JsonNode entry : required) {
        if (entry.isString() && entry.stringValue().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  static void setRequired(ObjectNode schema, String name, boolean required) {
    ArrayNode updated = JsonNodeFactory.instance.arrayNode();
    JsonNode existing = schema.get("required");
    if (existing != null) {
      existing.forEach(
          entry -> {
            if (!(entry.isString() && entry.stringValue().equals(name))) {
              updated.add(entry);
            }
          });
    }
    if (required) {
      updated.add(name);
    }
    schema.set("required", updated);
  }
}
