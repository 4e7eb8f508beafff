package dev.herald.routing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.api.HandlerResult;
import dev.herald.reliability.IdempotencyStore;
import dev.herald.tracing.Handling;
import dev.herald.tracing.Tracing;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Calls one handler once with one event, on the calling thread: skipped when the handler already
 * completed that event id (unless the dispatch is a replay, asked for on purpose), marked completed
 * when it returns. Where the call runs, how long it may take and whether it is tried again is the
 * {@link Slot}'s and the {@link Dispatch}'s business. Stateless, so dependent: its owner calls it
 * directly, not through a client proxy.
 */
@Dependent
public class HandlerInvoker {

  @Inject IdempotencyStore idempotency;
  @Inject EventMonitor monitor;
  @Inject Tracing tracing;

  /** Whether a call of the handler may block, so that it must run on a managed thread. */
  boolean blocking(EventHandler handler) {
    return handler.blocking() || idempotency.blocking();
  }

  /**
   * One attempt of the dispatch's current handler with its event.
   *
   * @return the handler's success, or its {@link HandlerResult#duplicate duplicate} result
   * @throws FailedAttempt the handler threw
   * @throws HandlingInterruptedException the handler was interrupted (the stop, or a timeout)
   */
  HandlerResult attempt(Dispatch dispatch) throws FailedAttempt, HandlingInterruptedException {
    EventHandler handler = dispatch.handler().bean();
    String name = dispatch.handler().name();
    CloudEvent event = dispatch.event;
    if (!dispatch.replay && idempotency.isCompleted(name, event.id())) {
      monitor.duplicate(name);
      return HandlerResult.duplicate(name);
    }
    if (dispatch.trace == null) {
      // a dispatch without a record's headers (retry topics, replays): read once, for every attempt
      dispatch.trace = tracing.fromAttributes(event);
    }
    long start = System.nanoTime();
    try (Handling span =
        tracing.handling(
            dispatch.trace, dispatch.channel, name, event, dispatch.attempt(), dispatch.replay)) {
      try {
        handler.handle(event);
      } catch (Exception e) {
        span.failed(e);
        if (HandlingInterruptedException.isInterruption(e)) {
          throw new HandlingInterruptedException(name, event.id(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        monitor.handled(name, false, took);
        monitor.handlerFailed(name, event.id(), String.valueOf(e));
        throw new FailedAttempt(e, took);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    idempotency.markCompleted(name, event.id());
    monitor.handled(name, true, took);
    return dispatch.success(took);
  }

  /** An attempt of the handler outlasted its timeout and was given up. */
  void timedOut(String handler, String eventId, Duration timeout) {
    monitor.handled(handler, false, timeout);
    monitor.handlerFailed(handler, eventId, "timed out after " + timeout.toMillis() + " ms");
  }

  /** A handler threw: its error and how long the attempt took. */
  static final class FailedAttempt extends Exception {
    final transient Exception error;
    final transient Duration took;

    FailedAttempt(Exception error, Duration took) {
      super(error.getMessage(), error, false, false);
      this.error = error;
      this.took = took;
    }
  }
}
