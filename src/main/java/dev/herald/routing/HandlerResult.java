package dev.herald.routing;

import java.time.Duration;

/**
 * What one handler did with one event.
 *
 * @param retryDue whether the failure is transient, so that handling the event again may succeed
 */
public record HandlerResult(
    String handler, boolean success, Duration duration, String error, boolean retryDue) {

  static HandlerResult succeeded(String handler, Duration duration) {
    return new HandlerResult(handler, true, duration, null, false);
  }

  static HandlerResult failed(String handler, Duration duration, Throwable error) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    return new HandlerResult(
        handler, false, duration, message, error instanceof TransientHandlerException);
  }
}
