package dev.herald.schemas.compatibility;

import java.util.Set;

/** The JSON Schema keywords the comparison understands, and those it may ignore. */
final class Keywords {

  /** Annotations never change which documents a schema accepts. */
  static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "examples",
          "$id",
          "$schema",
          "$comment",
          "$anchor",
          "$vocabulary",
          "deprecated",
          "readOnly",
          "writeOnly",
          "contentEncoding",
          "contentMediaType");

  /** Keywords that only hold or point to other schemas; resolving them replaces them. */
  static final Set<String> REFERENCES = Set.of("$ref", "allOf", "$defs", "definitions");

  static final Set<String> ALTERNATIVES = Set.of("anyOf", "oneOf");

  /**
   * Assertions the comparison checks one by one. A reader keyword outside this set and the two
   * above counts as a narrowing unless the writer has the identical keyword.
   */
  static final Set<String> COMPARED =
      Set.of(
          "type",
          "enum",
          "const",
          "properties",
          "required",
          "additionalProperties",
          "minProperties",
          "maxProperties",
          "items",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minLength",
          "maxLength",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "default");

  private Keywords() {}

  static boolean isUnknown(String keyword) {
    return !ANNOTATIONS.contains(keyword)
        && !REFERENCES.contains(keyword)
        && !ALTERNATIVES.contains(keyword)
        && !COMPARED.contains(keyword);
  }
}
