package dev.herald.schemas.compatibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** JSON values as enum and const list them: equality as JSON Schema defines it, and types. */
final class JsonValues {

  private JsonValues() {}

  /** The only values a schema accepts, when its enum or const lists them. */
  static Optional<List<JsonNode>> listed(JsonNode schema) {
    JsonNode enumeration = schema.get("enum");
    JsonNode constant = schema.get("const");
    if (enumeration == null && constant == null) {
      return Optional.empty();
    }
    List<JsonNode> values = new ArrayList<>();
    if (enumeration != null && enumeration.isArray()) {
      enumeration.values().forEach(values::add);
    }
    if (constant != null) {
      values =
          enumeration == null
              ? new ArrayList<>(List.of(constant))
              : values.stream().filter(value -> same(value, constant)).toList();
    }
    return Optional.of(values);
  }

  /** JSON Schema equality: 1 and 1.0 are the same number, object members compare unordered. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<JsonNode> left = a.values().iterator();
      Iterator<JsonNode> right = b.values().iterator();
      while (left.hasNext()) {
        if (!same(left.next(), right.next())) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> member : a.properties()) {
        JsonNode other = b.get(member.getKey());
        if (other == null || !same(member.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static boolean contains(Collection<JsonNode> values, JsonNode value) {
    return values.stream().anyMatch(candidate -> same(candidate, value));
  }

  /** The JSON Schema type of a value; a number without a fractional part is an integer. */
  static String type(JsonNode value) {
    if (value.isNumber()) {
      boolean integral =
          value.isIntegralNumber() || value.decimalValue().stripTrailingZeros().scale() <= 0;
      return integral ? "integer" : "number";
    }
    if (value.isString()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "array" : "object";
  }

  static String show(Collection<JsonNode> values) {
    return values.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
  }
}
