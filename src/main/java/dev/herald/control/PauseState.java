package dev.herald.control;

import dev.herald.events.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A channel's record in the channel states' topic: whether it is paused, when and by whom that was
 * decided, as JSON: {@code {"paused":true,"at":"2026-12-02T09:00:00Z","by":"operator"}}.
 *
 * @param at null when a record does not say
 * @param by the user who paused or resumed it; null when a record does not say
 */
record PauseState(boolean paused, Instant at, String by) {

  byte[] toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("paused", paused);
    json.put("at", at == null ? null : at.toString());
    json.put("by", by);
    return Json.bytes(json);
  }

  /**
   * @throws IllegalArgumentException saying why the bytes are not a channel's state
   */
  static PauseState fromJson(byte[] bytes) {
    JsonNode json;
    try {
      json = Json.parse(bytes, "the value");
    } catch (Json.InvalidJsonException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!json.isObject() || !json.path("paused").isBoolean()) {
      throw new IllegalArgumentException("the value has no boolean \"paused\"");
    }
    Instant at = null;
    if (json.hasNonNull("at")) {
      try {
        at = Instant.parse(json.get("at").asString());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"at\" is not an instant such as 2026-12-02T09:00:00Z");
      }
    }
    String by = json.hasNonNull("by") ? json.get("by").asString() : null;
    return new PauseState(json.get("paused").asBoolean(), at, by);
  }

  /** How a log line names who decided, e.g. {@code by operator at 2026-12-02T09:00:00Z}. */
  String origin() {
    return "by " + (by == null ? "an unnamed user" : by) + (at == null ? "" : " at " + at);
  }
}
