package dev.herald.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends handler attempts that outlast their timeout: one timer for all {@link Slot}s, which looks at
 * each slot's running attempt every {@value #TICK_MS} ms, instead of a timer per attempt.
 */
final class Watchdog {

  static final long TICK_MS = 50;

  private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private ScheduledFuture<?> ticks;

  Watchdog(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  void watch(Slot slot) {
    slots.add(slot);
    synchronized (this) {
      if (ticks == null) {
        ticks = scheduler.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
      }
    }
  }

  void forget(Slot slot) {
    slots.remove(slot);
  }

  /** Stops the timer (the application stops). */
  synchronized void close() {
    if (ticks != null) {
      ticks.cancel(false);
    }
    slots.clear();
  }

  private void tick() {
    long now = System.nanoTime();
    for (Slot slot : slots) {
      try {
        slot.expireIfLate(now);
      } catch (RuntimeException e) {
        // A failed tick would end the timer: every later attempt would run unbounded.
        java.util.logging.Logger.getLogger(Watchdog.class.getName())
            .log(java.util.logging.Level.WARNING, "Could not end a late attempt", e);
      }
    }
  }
}
