package dev.herald.replay;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces a replay's events at {@code herald.replay.rate} per second, so that a replay does not
 * crowd out the live channels' handlers; a cancel ends the wait at once. Used by one task's thread.
 */
final class Pacer {

  /** Waits for a number of nanoseconds; true when a cancel ended the wait. */
  interface Wait {
    boolean nanos(long nanos) throws InterruptedException;
  }

  private final long intervalNanos;
  private final LongSupplier clock;
  private long next;

  Pacer(int perSecond) {
    this(perSecond, System::nanoTime);
  }

  Pacer(int perSecond, LongSupplier clock) {
    this.intervalNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
    this.clock = clock;
    this.next = clock.getAsLong();
  }

  /**
   * Waits until the next event may go.
   *
   * @return false when a cancel came during the wait
   */
  boolean await(Wait wait) throws InterruptedException {
    if (intervalNanos == 0) {
      return true;
    }
    long now = clock.getAsLong();
    long due = next - now;
    if (due > 0 && wait.nanos(due)) {
      return false;
    }
    // No credit for idle time: a slow handler does not earn a burst afterwards.
    next = Math.max(next, now) + intervalNanos;
    return true;
  }
}
