package dev.herald.routing;

import java.time.Duration;

/**
 * What the core reports as it publishes and routes events, for components that only count (metrics,
 * statistics). The core calls it on the hot path and knows nothing of who listens; every method
 * must be cheap and must not throw.
 */
public interface EventMonitor {

  /** The broker acknowledged an event of {@code type} from Herald's publisher. */
  default void published(String type) {}

  /**
   * A publish of an event of {@code type} ended, {@code duration} after the publish call: the
   * broker acknowledged it ({@code stored}), or the send failed. Invalid events, never sent, are
   * not reported.
   */
  default void publishEnded(String type, boolean stored, Duration duration) {}

  /** A record of {@code channel} was decoded into an event of {@code type}. */
  default void consumed(String channel, String type) {}

  /** A record of {@code channel} went to its dead-letter topic: rejected, failed or error. */
  default void deadLettered(String channel, String kind) {}

  /** A record of {@code channel} went to the retry topic {@code topic}. */
  default void retried(String channel, String topic) {}

  /** A redelivered event that {@code handler} had already completed, so it was not called. */
  default void duplicate(String handler) {}

  /** One call of {@code handler}: its outcome and how long it took. */
  default void handled(String handler, boolean success, Duration duration) {}

  /**
   * A call of {@code handler} on the event {@code eventId} failed (it threw, or outlasted its
   * timeout) with {@code error}, as the handler's last error reads.
   */
  default void handlerFailed(String handler, String eventId, String error) {}
}
