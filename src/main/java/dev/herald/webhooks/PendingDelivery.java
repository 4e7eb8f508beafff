package dev.herald.webhooks;

import dev.herald.events.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A delivery of one event to one endpoint that is not done yet: the value of its record in the
 * pending topic ({@code herald.webhooks.pending-topic}), whose key is {@link #key()}. A delivery is
 * written when its event is read, rewritten after each failed attempt with the next one's time, and
 * replaced by a tombstone when it succeeded or was given up.
 *
 * @param orderKey the event's record key: deliveries of one endpoint with one key are sent one
 *     after another, in the order they were read
 * @param source where the event is stored ({@code topic-partition@offset}), for the log
 * @param body the event in structured mode, as sent
 * @param attempts attempts made so far, all failed
 * @param firstAttemptAt when the first attempt was made; null before it
 * @param due when the next attempt is due
 */
public record PendingDelivery(
    String endpointId,
    String eventId,
    String type,
    String orderKey,
    String source,
    String body,
    int attempts,
    Instant firstAttemptAt,
    Instant due) {

  /** A delivery not yet attempted, due at once. */
  static PendingDelivery first(
      String endpointId,
      WebhookMessage message,
      String type,
      String orderKey,
      String source,
      Instant now) {
    return new PendingDelivery(
        endpointId, message.id(), type, orderKey, source, message.body(), 0, null, now);
  }

  /** The pending topic's key: one delivery per endpoint and event. */
  public String key() {
    return key(endpointId, eventId);
  }

  static String key(String endpointId, String eventId) {
    return endpointId + "/" + eventId;
  }

  WebhookMessage message() {
    return new WebhookMessage(eventId, body);
  }

  /** After a failed attempt that started at {@code at}: one attempt more, the next due then. */
  PendingDelivery failed(Instant at, Instant next) {
    return new PendingDelivery(
        endpointId,
        eventId,
        type,
        orderKey,
        source,
        body,
        attempts + 1,
        firstAttemptAt == null ? at : firstAttemptAt,
        next);
  }

  PendingDelivery dueAt(Instant next) {
    return new PendingDelivery(
        endpointId, eventId, type, orderKey, source, body, attempts, firstAttemptAt, next);
  }

  byte[] toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("endpointId", endpointId);
    json.put("eventId", eventId);
    json.put("type", type);
    json.put("orderKey", orderKey);
    json.put("source", source);
    json.put("attempts", attempts);
    json.put("firstAttemptAt", firstAttemptAt == null ? null : firstAttemptAt.toString());
    json.put("due", due.toString());
    json.put("body", body);
    return Json.bytes(json);
  }

  /** A record value of the pending topic; null when it is not one (then skipped). */
  static PendingDelivery fromJson(byte[] bytes) {
    try {
      JsonNode json = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      String first = Json.text(json, "firstAttemptAt");
      return new PendingDelivery(
          json.get("endpointId").asString(),
          json.get("eventId").asString(),
          json.get("type").asString(),
          Json.text(json, "orderKey"),
          Json.text(json, "source"),
          json.get("body").asString(),
          json.get("attempts").asInt(),
          first == null ? null : Instant.parse(first),
          Instant.parse(json.get("due").asString()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "PendingDelivery[" + key() + ", attempts=" + attempts + ", due=" + due + "]";
  }
}
