package dev.herald.routing;

import dev.herald.events.CloudEvent;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.reliability.IdempotencyStore;
import dev.herald.reliability.RetryPolicy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls one handler with one event: skipped when the handler already completed that event id,
 * retried in place with backoff while the failure is transient and attempts remain. Calls run on
 * managed threads (handlers may block); waits between attempts hold no thread.
 */
@ApplicationScoped
public class HandlerInvoker {

  @Inject IdempotencyStore idempotency;
  @Inject HeraldMetrics metrics;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  public CompletionStage<HandlerResult> invoke(
      EventHandler handler, CloudEvent event, RetryPolicy policy) {
    CompletableFuture<HandlerResult> result = new CompletableFuture<>();
    executor.execute(() -> attempt(handler, event, policy, 1, null, null, result));
    return result;
  }

  private void attempt(
      EventHandler handler,
      CloudEvent event,
      RetryPolicy policy,
      int attempt,
      Instant firstFailure,
      Instant lastFailure,
      CompletableFuture<HandlerResult> result) {
    String name = handler.name();
    try {
      if (idempotency.isCompleted(name, event.id())) {
        metrics.duplicate(name);
        result.complete(HandlerResult.duplicate(name));
        return;
      }
      long start = System.nanoTime();
      try {
        handler.handle(event);
      } catch (Exception e) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.handled(name, false, took);
        Instant now = Instant.now();
        Instant first = firstFailure == null ? now : firstFailure;
        boolean transientFailure = policy.isRetryable(e);
        if (transientFailure && attempt < policy.maxAttempts()) {
          scheduler.schedule(
              () ->
                  executor.execute(
                      () -> attempt(handler, event, policy, attempt + 1, first, now, result)),
              policy.backoff(attempt).toMillis(),
              TimeUnit.MILLISECONDS);
        } else {
          result.complete(
              HandlerResult.failed(name, took, e, transientFailure, attempt, first, now));
        }
        return;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      metrics.handled(name, true, took);
      idempotency.markCompleted(name, event.id());
      result.complete(HandlerResult.succeeded(name, took, attempt, firstFailure, lastFailure));
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
  }
}
