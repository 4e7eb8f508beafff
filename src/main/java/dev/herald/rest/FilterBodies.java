package dev.herald.rest;

import dev.herald.events.Json;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the small JSON objects of the dead-letter operations: known members, each a string. */
final class FilterBodies {

  /** Far above any filter; a body this large is not one. */
  static final long MAX_BYTES = 65_536;

  static final List<String> FILTER = List.of("type", "reason", "handler", "from", "to");

  private FilterBodies() {}

  static Map<String, String> read(InputStream body, long declaredLength) {
    return read(body, declaredLength, FILTER.toArray(String[]::new));
  }

  static Map<String, String> read(InputStream body, long declaredLength, String... members) {
    JsonNode json =
        RequestBodies.readJson(body, declaredLength, MAX_BYTES, "the limit of a filter body");
    if (!json.isObject()) {
      throw bad(
          "The body is a JSON " + Json.kind(json) + "; send an object with " + List.of(members));
    }
    List<String> known = List.of(members);
    Map<String, String> values = new HashMap<>();
    for (String name : json.propertyNames()) {
      JsonNode value = json.get(name);
      if (!known.contains(name)) {
        throw bad("Unknown member '" + name + "'; the body takes " + known);
      }
      if (!value.isNull() && !value.isString()) {
        throw bad("'" + name + "' is a JSON " + Json.kind(value) + "; give it as a string");
      }
      values.put(name, value.isNull() ? null : value.stringValue());
    }
    return values;
  }

  private static ProblemException bad(String detail) {
    return new ProblemException(Problem.of(400, "Bad Request", detail));
  }
}
