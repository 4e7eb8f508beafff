package dev.herald.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * What one delivery attempt came to.
 *
 * @param at when it started; its {@code webhook-timestamp}
 * @param outcome success, an answer that is not 2xx, or why no answer came
 * @param status the HTTP status; 0 when there was no answer
 * @param latency from the start to the answer or the failure
 * @param response the start of the response body (up to {@code herald.webhooks.max-response-bytes})
 *     or, without an answer, what went wrong
 * @param retryAfter the wait a 429 or 503 asked for with {@code Retry-After}; null otherwise
 */
public record Attempt(
    Instant at,
    Outcome outcome,
    int status,
    Duration latency,
    String response,
    Duration retryAfter) {

  public enum Outcome {
    /** A 2xx answer. */
    SUCCEEDED,
    /** Any other answer, redirects included (they are not followed). */
    FAILED_STATUS,
    /** No answer within {@code herald.webhooks.timeout-ms}, connecting included. */
    TIMEOUT,
    /** The connection was refused. */
    REFUSED,
    /** The host resolved to an address webhooks may not call; nothing was sent. */
    BLOCKED_ADDRESS,
    /** Anything else: an unknown host, a TLS failure, a reset connection. */
    OTHER
  }

  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }

  /**
   * A 410 Gone: the subscriber asks for no more deliveries, so the endpoint is disabled at once.
   */
  public boolean disablesEndpoint() {
    return status == 410;
  }
}
