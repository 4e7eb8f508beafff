package dev.herald.reliability;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces an operation's sends at a rate per second (a replay's events, a redrive task's records),
 * so that it does not crowd out the live channels; a cancel ends the wait at once. No credit for
 * idle time: a slow step does not earn a burst afterwards. Used by one task's thread.
 */
public final class Pacer {

  /** Waits for a number of nanoseconds; true when a cancel ended the wait. */
  public interface Wait {
    boolean nanos(long nanos) throws InterruptedException;
  }

  private final long intervalNanos;
  private final LongSupplier clock;
  private long next;

  /**
   * @param perSecond the rate; 0 or less for no limit
   */
  public Pacer(int perSecond) {
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
  public boolean await(Wait wait) throws InterruptedException {
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
