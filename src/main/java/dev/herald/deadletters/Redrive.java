package dev.herald.deadletters;

import dev.herald.events.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where and when a dead letter was redriven: the value of its mark in the redrives topic, JSON
 * {@code {at, topic, partition, offset, task}}.
 *
 * @param at when the redriven record was stored, RFC 3339
 * @param task the redrive task that moved it; null for a redrive of this one dead letter
 */
public record Redrive(String at, String topic, int partition, long offset, String task) {

  public static Redrive at(Instant at, String topic, int partition, long offset, String task) {
    return new Redrive(at.toString(), topic, partition, offset, task);
  }

  byte[] toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("at", at);
    json.put("topic", topic);
    json.put("partition", partition);
    json.put("offset", offset);
    if (task != null) {
      json.put("task", task);
    }
    return Json.bytes(json);
  }

  /** A mark's value; null when it is not one (another tool's record), which is then ignored. */
  static Redrive fromJson(byte[] bytes) {
    try {
      JsonNode json = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      JsonNode task = json.get("task");
      return new Redrive(
          json.get("at").asString(),
          json.get("topic").asString(),
          json.get("partition").asInt(),
          json.get("offset").asLong(),
          task == null || task.isNull() ? null : task.asString());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
