package dev.herald.schemas.compatibility;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The JSON types a schema admits, where every integer is also a number. */
final class JsonTypes {

  /** Every type once; integer is left out because number covers it. */
  static final List<String> BASIC =
      List.of("null", "boolean", "object", "array", "number", "string");

  static final JsonTypes ANY = new JsonTypes(null);

  /** Null when any type is allowed. */
  private final Set<String> names;

  private JsonTypes(Set<String> names) {
    this.names = names;
  }

  static JsonTypes declared(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return ANY;
    }
    Set<String> names = new LinkedHashSet<>();
    if (type.isString()) {
      names.add(type.stringValue());
    } else {
      type.values().stream().filter(JsonNode::isString).forEach(t -> names.add(t.stringValue()));
    }
    return new JsonTypes(names);
  }

  static JsonTypes of(Collection<String> names) {
    return new JsonTypes(new LinkedHashSet<>(names));
  }

  static JsonTypes ofValues(Collection<JsonNode> values) {
    return of(values.stream().map(JsonValues::type).toList());
  }

  boolean isAny() {
    return names == null;
  }

  /** Whether a value of this type is admitted; asking for integer is asking for any numbers. */
  boolean allows(String type) {
    return names == null
        || names.contains(type)
        || ("integer".equals(type) && names.contains("number"));
  }

  /** Whether the numbers admitted are integers only, so bounds can be rounded. */
  boolean integersOnly() {
    return names != null && !names.contains("number");
  }

  JsonTypes intersect(JsonTypes other) {
    if (isAny()) {
      return other;
    }
    if (other.isAny()) {
      return this;
    }
    Set<String> common = new LinkedHashSet<>();
    names.stream().filter(other::allows).forEach(common::add);
    other.names.stream().filter(this::allows).forEach(common::add);
    return new JsonTypes(common);
  }

  /** The types admitted here that {@code reader} does not admit; empty when this is any type. */
  List<String> notAllowedBy(JsonTypes reader) {
    return isAny() ? List.of() : names.stream().filter(type -> !reader.allows(type)).toList();
  }

  /** The types to try one at a time when no single alternative admits them all. */
  List<String> split() {
    return isAny() ? BASIC : List.copyOf(names);
  }

  @Override
  public String toString() {
    return isAny() ? "any type" : names.isEmpty() ? "no type" : String.join(", ", names);
  }
}
