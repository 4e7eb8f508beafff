package dev.herald.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint, as {@code GET /api/webhooks/{id}/deliveries}
 * shows it.
 *
 * @param attempt which attempt of this delivery it was, from 1
 * @param status the HTTP status; 0 when no answer came
 * @param response the start of the answer's body, or what went wrong without an answer
 * @param nextAttemptAt when the delivery is tried again; null when it is done (succeeded or given
 *     up)
 * @param source where the event is stored ({@code topic-partition@offset})
 */
public record Delivery(
    Instant at,
    String eventId,
    String type,
    int attempt,
    Attempt.Outcome outcome,
    int status,
    long latencyMs,
    String response,
    Instant nextAttemptAt,
    String source) {

  static Delivery of(PendingDelivery delivery, Attempt attempt, Instant next) {
    return new Delivery(
        attempt.at(),
        delivery.eventId(),
        delivery.type(),
        delivery.attempts() + 1,
        attempt.outcome(),
        attempt.status(),
        attempt.latency().toMillis(),
        attempt.response(),
        next,
        delivery.source());
  }
}
