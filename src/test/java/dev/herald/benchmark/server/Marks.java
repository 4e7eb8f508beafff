package dev.herald.benchmark.server;

import java.util.ArrayList;
import java.util.List;

/**
 * When a growing count of events reached each of a few marks, as {@link System#nanoTime()}: the
 * consecutive windows between the marks are the runs of a measurement. The marks of a backlog are
 * its last {@code runs} windows of {@code window} events each; what comes before is the warm-up.
 */
public final class Marks {

  private static final Marks NONE = new Marks(new long[0]);

  private final long[] counts;
  private final long[] times;
  private int next;
  private volatile long nextCount;

  private Marks(long[] counts) {
    this.counts = counts;
    this.times = new long[counts.length];
    this.nextCount = counts.length == 0 ? Long.MAX_VALUE : counts[0];
  }

  /** No marks: counting only. */
  static Marks none() {
    return NONE;
  }

  /**
   * Marks for the last {@code runs} windows of {@code window} events of a backlog of {@code total}
   * events; the first window starts after the warm-up, with at least one event of warm-up. A
   * backlog too small for every window gets as many as fit.
   */
  static Marks lastWindows(long total, int runs, long window) {
    int fitting = (int) Math.max(0, Math.min(runs, (total - 1) / Math.max(1, window)));
    long[] counts = new long[fitting + 1];
    for (int i = 0; i <= fitting; i++) {
      counts[i] = total - (fitting - i) * window;
    }
    return new Marks(counts);
  }

  /** The count reached {@code count} at {@code now}; marks at or below it not yet reached are. */
  void reached(long count, long now) {
    if (count < nextCount) {
      return;
    }
    synchronized (this) {
      while (next < counts.length && counts[next] <= count) {
        times[next++] = now;
      }
      nextCount = next < counts.length ? counts[next] : Long.MAX_VALUE;
    }
  }

  /** The windows whose both marks were reached, in order. */
  synchronized List<Timing> windows() {
    List<Timing> windows = new ArrayList<>();
    for (int i = 0; i + 1 < next; i++) {
      windows.add(new Timing(counts[i + 1] - counts[i], times[i + 1] - times[i], 0));
    }
    return windows;
  }

  /** The windows so far and the events of the whole backlog that failed. */
  Measured measured(long failed) {
    return new Measured(windows(), failed);
  }
}
