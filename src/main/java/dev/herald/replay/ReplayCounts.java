package dev.herald.replay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counts over every replay since the start, cheap to read (for metrics). */
@ApplicationScoped
public class ReplayCounts {

  private final LongAdder replayed = new LongAdder();
  private final AtomicInteger running = new AtomicInteger();

  /** Events replays handed to their handlers, whatever the handlers did with them. */
  public long replayedEvents() {
    return replayed.sum();
  }

  /** Replays running now. */
  public int runningReplays() {
    return running.get();
  }

  /** A replay handed an event to its handlers. */
  public void replayed() {
    replayed.increment();
  }

  /** A replay started. */
  public void started() {
    running.incrementAndGet();
  }

  /** A replay ended: completed, cancelled, failed, or refused after it was registered. */
  public void ended() {
    running.decrementAndGet();
  }
}
