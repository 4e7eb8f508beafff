package dev.herald.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint, as {@code GET /api/webhooks/{id}/deliveries}
 * shows it.
 *
 * @param status the HTTP status; 0 when no answer came
 * @param response the start of the answer's body, or what went wrong without an answer
 */
public record Delivery(
    Instant at,
    String eventId,
    String type,
    Attempt.Outcome outcome,
    int status,
    long latencyMs,
    String response) {

  static Delivery of(String eventId, String type, Attempt attempt) {
    return new Delivery(
        attempt.at(),
        eventId,
        type,
        attempt.outcome(),
        attempt.status(),
        attempt.latency().toMillis(),
        attempt.response());
  }
}
