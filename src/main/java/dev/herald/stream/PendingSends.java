package dev.herald.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The writes a stream handed to its client's connection that are not written yet. There are never
 * more than {@code max}: at the bound the stream waits for room, and the client is too slow once
 * its oldest write has waited longer than the send timeout. So a client that does not read costs at
 * most {@code max} events of memory, never more, and is dropped after the timeout.
 */
final class PendingSends {

  private final int max;
  private final LongSupplier nanos;

  /** Start time of each write not yet done, by ticket, oldest first. */
  private final Map<Long, Long> started = new LinkedHashMap<>();

  private long tickets;

  PendingSends(int max, LongSupplier nanos) {
    this.max = max;
    this.nanos = nanos;
  }

  /** Waits until fewer than {@code max} writes are pending, at most {@code wait}. */
  synchronized boolean awaitRoom(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (started.size() >= max) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000), 0);
    }
    return true;
  }

  /** A write begins; the ticket ends it. */
  synchronized long begin() {
    long ticket = tickets++;
    started.put(ticket, nanos.getAsLong());
    return ticket;
  }

  /** A write is done, written or failed. */
  synchronized void end(long ticket) {
    if (started.remove(ticket) != null) {
      notifyAll();
    }
  }

  synchronized int size() {
    return started.size();
  }

  /** Whether the oldest pending write has waited longer than {@code timeout}. */
  synchronized boolean stalled(Duration timeout) {
    if (started.isEmpty()) {
      return false;
    }
    long oldest = started.values().iterator().next();
    return nanos.getAsLong() - oldest > timeout.toNanos();
  }
}
