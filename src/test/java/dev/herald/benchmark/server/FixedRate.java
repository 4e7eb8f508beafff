package dev.herald.benchmark.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The times at which a fixed rate's events are due, counted from its start. A sender that falls
 * behind sends the late events at once and still stamps each with the time it was due, so that its
 * delay shows in the latency instead of hiding it (no coordinated omission).
 */
final class FixedRate {

  private final long period;
  private final long start = System.nanoTime();

  FixedRate(int perSecond) {
    this.period = TimeUnit.SECONDS.toNanos(1) / perSecond;
  }

  long start() {
    return start;
  }

  /**
   * Waits until event {@code index} is due; returns when it was due, as {@link System#nanoTime}.
   */
  long awaitDue(long index) {
    long due = start + index * period;
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
    return due;
  }
}
