package dev.herald.routing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventOutcome;
import dev.herald.api.HandlerResult;
import dev.herald.reliability.RetryPolicy;
import dev.herald.tracing.TraceParent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event's way through its handlers: every accepting handler in a stable order, each retried in
 * place with the channel's policy while its failure is transient and attempts remain. It holds
 * where it is (handler, attempt, failures so far); a {@link Slot} makes the calls. A replay's
 * dispatch calls its handlers even when they completed the event before.
 */
final class Dispatch {

  final String channel;
  final CloudEvent event;
  final RetryPolicy policy;

  /** Asked for on purpose: handlers are called even when they completed the event before. */
  final boolean replay;

  /** The trace context the record carried; null: the event's own {@code traceparent}. */
  TraceParent trace;

  private final List<Handler> handlers;
  private final List<HandlerResult> results;
  private int next;
  private int attempt = 1;
  private Instant firstFailure;
  private Instant lastFailure;

  Dispatch(String channel, CloudEvent event, RetryPolicy policy, List<Handler> handlers) {
    this(channel, event, policy, handlers, false);
  }

  Dispatch(
      String channel,
      CloudEvent event,
      RetryPolicy policy,
      List<Handler> handlers,
      boolean replay) {
    this.channel = channel;
    this.event = event;
    this.policy = policy;
    this.replay = replay;
    this.handlers = handlers;
    this.results = new ArrayList<>(handlers.size());
  }

  /** The current handler's attempt, from 1. */
  int attempt() {
    return attempt;
  }

  boolean done() {
    return next == handlers.size();
  }

  Handler handler() {
    return handlers.get(next);
  }

  /** The current handler's success after {@code took}, with its attempts and failures so far. */
  HandlerResult success(Duration took) {
    return HandlerResult.succeeded(handler().name(), took, attempt, firstFailure, lastFailure);
  }

  /** The current handler succeeded (or had completed the event before). */
  void succeeded(HandlerResult result) {
    results.add(result);
    nextHandler();
  }

  /**
   * The current handler's attempt failed.
   *
   * @return how long to wait before the next attempt, or null when the handler failed for good (its
   *     result is recorded and the next handler is due)
   */
  Duration failed(Exception error, Duration took) {
    Instant now = Instant.now();
    Instant first = firstFailure == null ? now : firstFailure;
    boolean transientFailure = policy.isRetryable(error);
    if (transientFailure && attempt < policy.maxAttempts()) {
      Duration backoff = policy.backoff(attempt);
      firstFailure = first;
      lastFailure = now;
      attempt++;
      return backoff;
    }
    results.add(
        HandlerResult.failed(handler().name(), took, error, transientFailure, attempt, first, now));
    nextHandler();
    return null;
  }

  private void nextHandler() {
    next++;
    attempt = 1;
    firstFailure = null;
    lastFailure = null;
  }

  EventOutcome outcome() {
    return new EventOutcome(
        event.id(), event.type(), event.tenantid(), channel, Instant.now(), List.copyOf(results));
  }
}
