package dev.herald.routing;

import dev.herald.api.HandlerResult;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A lane of a channel: works through its {@link Job}s one record at a time, in order, so that
 * records of one key never overlap. Non-blocking handlers run on the thread that hands the job over
 * (the channel's own), without a thread switch or a future; a record with a blocking handler moves
 * the lane to a managed thread, which then works through the rest of the job (one task per lane and
 * batch, not per record). A wait between attempts holds no thread: the lane resumes on a timer. An
 * attempt that outlasts its timeout is ended by the {@link Watchdog}: its thread is interrupted and
 * left behind, and the lane goes on on another thread.
 */
final class Slot {

  private static final Logger LOG = Logger.getLogger(Slot.class.getName());

  private final HandlerInvoker invoker;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean active = new AtomicBoolean();
  private final AtomicReference<Attempt> attempt = new AtomicReference<>();

  // Owned by the one thread running the lane at a time (handed over through the executor or timer).
  private Job job;
  private Dispatch dispatch;

  Slot(HandlerInvoker invoker, Executor executor, ScheduledExecutorService scheduler) {
    this.invoker = invoker;
    this.executor = executor;
    this.scheduler = scheduler;
  }

  /** Queues a job; runs it on the calling thread at once when the lane is idle. */
  void offer(Job work) {
    queue.add(work);
    if (active.compareAndSet(false, true)) {
      run(false);
    }
  }

  private void run(boolean onManagedThread) {
    while (true) {
      if (dispatch == null && !nextDispatch()) {
        return;
      }
      if (dispatch.done()) {
        Dispatch finished = dispatch;
        dispatch = null;
        job.finished(finished);
        continue;
      }
      if (job.handedOver()) {
        interrupted();
        continue;
      }
      boolean blocking = invoker.blocking(dispatch.handler().bean());
      if (blocking && !onManagedThread) {
        resumeOnManagedThread();
        return;
      }
      Step step = call(blocking);
      if (step != Step.NEXT) {
        return;
      }
    }
  }

  /** Moves to the next record of the queued jobs; false (and the lane idle) when there is none. */
  private boolean nextDispatch() {
    while (true) {
      if (job != null) {
        dispatch = job.next();
        if (dispatch != null) {
          return true;
        }
        job = null;
      }
      job = queue.poll();
      if (job == null) {
        active.set(false);
        if (queue.isEmpty() || !active.compareAndSet(false, true)) {
          return false;
        }
      }
    }
  }

  private enum Step {
    NEXT,
    WAITING,
    LEFT
  }

  private Step call(boolean blocking) {
    Duration timeout = dispatch.policy.attemptTimeout();
    Attempt running = null;
    if (blocking && !timeout.isZero()) {
      running = new Attempt(Thread.currentThread(), System.nanoTime() + timeout.toNanos(), timeout);
      attempt.set(running);
    }
    HandlerResult result;
    HandlerInvoker.FailedAttempt failure = null;
    try {
      result = invoker.attempt(dispatch);
    } catch (HandlerInvoker.FailedAttempt e) {
      result = null;
      failure = e;
    } catch (HandlingInterruptedException e) {
      if (running != null && !attempt.compareAndSet(running, null)) {
        Thread.interrupted();
        return Step.LEFT;
      }
      interrupted();
      return Step.NEXT;
    } catch (RuntimeException | Error e) {
      result = null;
      failure = new HandlerInvoker.FailedAttempt(new IllegalStateException(e), Duration.ZERO);
    }
    if (running != null && !attempt.compareAndSet(running, null)) {
      // The watchdog ended this attempt and moved the lane on: this thread is no longer its.
      Thread.interrupted();
      return Step.LEFT;
    }
    if (failure == null) {
      dispatch.succeeded(result);
      return Step.NEXT;
    }
    return failed(failure.error, failure.took);
  }

  private Step failed(Exception error, Duration took) {
    Duration backoff = dispatch.failed(error, took);
    if (backoff == null) {
      return Step.NEXT;
    }
    try {
      scheduler.schedule(() -> guarded(this::resume), backoff.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      interrupted();
      return Step.NEXT;
    }
    return Step.WAITING;
  }

  private void interrupted() {
    Dispatch cut = dispatch;
    dispatch = null;
    job.interrupted(cut);
  }

  private void resume() {
    if (dispatch != null && !dispatch.done() && invoker.blocking(dispatch.handler().bean())) {
      resumeOnManagedThread();
    } else {
      run(false);
    }
  }

  private void resumeOnManagedThread() {
    try {
      executor.execute(() -> guarded(() -> run(true)));
    } catch (RejectedExecutionException e) {
      // The server is stopping: this record and the lane's others stay uncommitted.
      interrupted();
      run(false);
    }
  }

  /** Called by the watchdog: ends the running attempt when it is past its deadline. */
  void expireIfLate(long nowNanos) {
    Attempt running = attempt.get();
    if (running == null || nowNanos - running.deadlineNanos < 0) {
      return;
    }
    if (!attempt.compareAndSet(running, null)) {
      return;
    }
    running.thread.interrupt();
    try {
      executor.execute(() -> guarded(() -> timedOut(running.timeout)));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "The stop refused the lane's next task", e);
    }
  }

  private void timedOut(Duration timeout) {
    invoker.timedOut(dispatch.handler().name(), dispatch.event.id(), timeout);
    Step step =
        failed(
            new TimeoutException(
                "took longer than "
                    + timeout.toMillis()
                    + " ms (attempt-timeout-ms of the channel's retry policy)"),
            timeout);
    if (step == Step.NEXT) {
      run(true);
    }
  }

  /** Runs a step of the lane on another thread; what it throws is logged, not lost. */
  private static void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      LOG.log(
          Level.SEVERE, "A lane stopped on an unexpected error; its records stay uncommitted", e);
      throw e;
    }
  }

  private record Attempt(Thread thread, long deadlineNanos, Duration timeout) {}
}
