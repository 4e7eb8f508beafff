package dev.herald.webhooks;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import dev.herald.events.Json;
import dev.herald.events.JsonFormat;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * What every attempt of one delivery sends: the {@code webhook-id} (the event's id, so that a
 * subscriber can drop duplicates) and the body, the event in structured mode. The body is text
 * because it is signed as text; it is sent as its UTF-8 bytes.
 */
public record WebhookMessage(String id, String body) {

  public WebhookMessage {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a webhook message needs an id");
    }
    if (body == null) {
      throw new IllegalArgumentException("a webhook message needs a body");
    }
  }

  /**
   * The delivered event's {@code traceparent} attribute (its trace, which the delivery's span
   * continues), read from the body; null when it has none.
   */
  public String traceparent() {
    try {
      JsonNode event = Json.parse(body.getBytes(StandardCharsets.UTF_8), "webhook body");
      return event.isObject() ? Json.text(event, CloudEventAttributes.TRACEPARENT) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  public static WebhookMessage of(CloudEvent event) {
    return new WebhookMessage(event.id(), JsonFormat.text(event));
  }
}
