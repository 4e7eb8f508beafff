package dev.herald.deadletters;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends evenly at a rate: the n-th send is due {@code n / rate} seconds after the first, and
 * the caller parks until then. Measured against due times, not as a sleep per send, so time spent
 * sending does not slow the rate down.
 */
final class Pacer {

  private final long start = System.nanoTime();
  private final long periodNanos;
  private long sends;

  Pacer(int perSecond) {
    this.periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
  }

  /** Parks until the next send is due; false when the thread was interrupted meanwhile. */
  boolean awaitNext() {
    long due = start + sends++ * periodNanos;
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return !Thread.currentThread().isInterrupted();
  }
}
