package dev.herald.schemas.compatibility;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One side's whole schema: the document its local {@code $ref}s point into. */
final class SchemaDocument {

  private final JsonNode root;

  SchemaDocument(JsonNode root) {
    this.root = root;
  }

  /**
   * What a subschema demands, as parts that all apply: the subschema's own assertions, then those
   * of each {@code $ref} target and {@code allOf} entry, followed recursively. Annotations are
   * dropped, a {@code true} schema vanishes, a {@code false} one stays as the boolean node.
   *
   * @param unresolved receives each {@code $ref} that does not point into this document
   */
  List<JsonNode> parts(JsonNode schema, List<String> unresolved) {
    List<JsonNode> parts = new ArrayList<>();
    collect(schema, parts, unresolved, new HashSet<>());
    return parts;
  }

  private void collect(
      JsonNode schema, List<JsonNode> parts, List<String> unresolved, Set<String> following) {
    if (schema == null || schema.isMissingNode()) {
      return;
    }
    if (!schema.isObject()) {
      if (schema.isBoolean() && !schema.booleanValue()) {
        parts.add(schema);
      }
      return;
    }
    ObjectNode own = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      String name = keyword.getKey();
      if (!Keywords.ANNOTATIONS.contains(name) && !Keywords.REFERENCES.contains(name)) {
        own.set(name, keyword.getValue());
      }
    }
    if (!own.isEmpty()) {
      parts.add(own);
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isString()) {
      JsonNode target = resolve(ref.stringValue());
      if (target == null) {
        unresolved.add(ref.stringValue());
      } else if (following.add(ref.stringValue())) {
        // Only a $ref chain that loops back on itself lands here twice; recursion through
        // properties or items never does, because parts stop at those keywords.
        collect(target, parts, unresolved, following);
        following.remove(ref.stringValue());
      }
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode entry : allOf.values()) {
        collect(entry, parts, unresolved, following);
      }
    }
  }

  /**
   * The node a reference into this document names, such as {@code #/$defs/address} or the same
   * after the document's own {@code $id}; null for anything else.
   */
  private JsonNode resolve(String ref) {
    JsonNode id = root.get("$id");
    if (id != null && id.isString() && ref.startsWith(id.stringValue())) {
      ref = ref.substring(id.stringValue().length());
      ref = ref.isEmpty() ? "#" : ref;
    }
    if (!ref.startsWith("#")) {
      return null;
    }
    String fragment;
    try {
      fragment = URI.create(ref).getFragment();
    } catch (IllegalArgumentException notAUri) {
      fragment = ref.substring(1);
    }
    if (fragment == null || fragment.isEmpty()) {
      return root;
    }
    if (!fragment.startsWith("/")) {
      return null;
    }
    try {
      JsonNode target = root.at(fragment);
      return target.isMissingNode() ? null : target;
    } catch (IllegalArgumentException badPointer) {
      return null;
    }
  }
}
