package dev.herald.routing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.api.HandlerResult;
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
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls one handler with one event: skipped when the handler already completed that event id,
 * retried in place with backoff while the failure is transient and attempts remain. Blocking
 * handlers run on managed threads; an attempt that outlasts the policy's attempt timeout fails with
 * a {@link TimeoutException} (its thread is interrupted), so that a stuck handler cannot stall its
 * channel. Non-blocking handlers (with a non-blocking idempotency store) run on the calling thread,
 * which saves a thread switch each way. Waits between attempts hold no thread.
 */
@ApplicationScoped
public class HandlerInvoker {

  @Inject IdempotencyStore idempotency;
  @Inject EventMonitor monitor;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  public CompletionStage<HandlerResult> invoke(
      EventHandler handler, CloudEvent event, RetryPolicy policy) {
    CompletableFuture<HandlerResult> result = new CompletableFuture<>();
    new Attempt(handler, event, policy, 1, null, null, result).start();
    return result;
  }

  /** One call of a handler; it settles once, by its own end or by its timeout. */
  private final class Attempt {
    private final EventHandler handler;
    private final CloudEvent event;
    private final RetryPolicy policy;
    private final int number;
    private final Instant firstFailure;
    private final Instant lastFailure;
    private final CompletableFuture<HandlerResult> result;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final FutureTask<Void> task = new FutureTask<>(this::call, null);
    private volatile ScheduledFuture<?> timer;

    Attempt(
        EventHandler handler,
        CloudEvent event,
        RetryPolicy policy,
        int number,
        Instant firstFailure,
        Instant lastFailure,
        CompletableFuture<HandlerResult> result) {
      this.handler = handler;
      this.event = event;
      this.policy = policy;
      this.number = number;
      this.firstFailure = firstFailure;
      this.lastFailure = lastFailure;
      this.result = result;
    }

    void start() {
      if (!handler.blocking() && !idempotency.blocking()) {
        call();
        return;
      }
      try {
        Duration timeout = policy.attemptTimeout();
        if (!timeout.isZero()) {
          timer = scheduler.schedule(this::timedOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        executor.execute(task);
      } catch (RejectedExecutionException e) {
        if (settle()) {
          interrupted(e);
        }
      }
    }

    private void timedOut() {
      if (settled.compareAndSet(false, true)) {
        task.cancel(true);
        Duration timeout = policy.attemptTimeout();
        monitor.handled(handler.name(), false, timeout);
        failed(
            new TimeoutException(
                "took longer than "
                    + timeout.toMillis()
                    + " ms (attempt-timeout-ms of the channel's retry policy)"),
            timeout);
      }
    }

    private void call() {
      String name = handler.name();
      try {
        if (idempotency.isCompleted(name, event.id())) {
          if (settle()) {
            monitor.duplicate(name);
            result.complete(HandlerResult.duplicate(name));
          }
          return;
        }
        long start = System.nanoTime();
        try {
          handler.handle(event);
        } catch (Exception e) {
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          if (HandlingInterruptedException.isInterruption(e)) {
            if (settle()) {
              interrupted(e);
            }
            return;
          }
          if (settle()) {
            monitor.handled(name, false, took);
            failed(e, took);
          }
          return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // Marked even after a timeout: the effect happened, so later attempts must skip it.
        idempotency.markCompleted(name, event.id());
        if (settle()) {
          monitor.handled(name, true, took);
          result.complete(HandlerResult.succeeded(name, took, number, firstFailure, lastFailure));
        }
      } catch (RuntimeException | Error e) {
        if (settle()) {
          result.completeExceptionally(e);
        }
      }
    }

    /** True for the first of the call's end and its timeout; stops the timer. */
    private boolean settle() {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      ScheduledFuture<?> pending = timer;
      if (pending != null) {
        pending.cancel(false);
      }
      return true;
    }

    private void interrupted(Exception cause) {
      result.completeExceptionally(
          new HandlingInterruptedException(handler.name(), event.id(), cause));
    }

    private void failed(Exception error, Duration took) {
      Instant now = Instant.now();
      Instant first = firstFailure == null ? now : firstFailure;
      boolean transientFailure = policy.isRetryable(error);
      if (transientFailure && number < policy.maxAttempts()) {
        try {
          scheduler.schedule(
              () -> new Attempt(handler, event, policy, number + 1, first, now, result).start(),
              policy.backoff(number).toMillis(),
              TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          interrupted(e);
        }
      } else {
        result.complete(
            HandlerResult.failed(
                handler.name(), took, error, transientFailure, number, first, now));
      }
    }
  }
}
