package dev.herald.api;

import java.time.Duration;
import java.time.Instant;

/**
 * What one handler did with one event.
 *
 * @param duration time taken by the last attempt
 * @param retryDue whether the failure is transient, so that handling the event again may succeed
 * @param attempts calls made, retries included; 0 when the handler had already completed it
 * @param firstFailureAt when the first attempt failed, or null
 * @param lastFailureAt when the last attempt failed, or null
 * @param duplicate the handler had already completed this event id, so it was not called again
 */
public record HandlerResult(
    String handler,
    boolean success,
    Duration duration,
    String error,
    boolean retryDue,
    int attempts,
    Instant firstFailureAt,
    Instant lastFailureAt,
    boolean duplicate) {

  public static HandlerResult duplicate(String handler) {
    return new HandlerResult(handler, true, Duration.ZERO, null, false, 0, null, null, true);
  }

  public static HandlerResult succeeded(
      String handler,
      Duration duration,
      int attempts,
      Instant firstFailureAt,
      Instant lastFailureAt) {
    return new HandlerResult(
        handler, true, duration, null, false, attempts, firstFailureAt, lastFailureAt, false);
  }

  public static HandlerResult failed(
      String handler,
      Duration duration,
      Throwable error,
      boolean transientFailure,
      int attempts,
      Instant firstFailureAt,
      Instant lastFailureAt) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    return new HandlerResult(
        handler,
        false,
        duration,
        message,
        transientFailure,
        attempts,
        firstFailureAt,
        lastFailureAt,
        false);
  }
}
