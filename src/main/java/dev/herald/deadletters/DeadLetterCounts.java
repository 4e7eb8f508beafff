package dev.herald.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the dead-letter operations did since start, for the metrics to read. */
@ApplicationScoped
public class DeadLetterCounts {

  private final LongAdder redriven = new LongAdder();
  private final LongAdder purged = new LongAdder();
  private final AtomicInteger tasksRunning = new AtomicInteger();

  /** Dead letters sent back to their topic, one by one or by tasks. */
  public long redriven() {
    return redriven.sum();
  }

  /** Dead letters deleted by purges. */
  public long purged() {
    return purged.sum();
  }

  /** Redrive tasks running on this server now. */
  public int redriveTasksRunning() {
    return tasksRunning.get();
  }

  void redriven(long count) {
    redriven.add(count);
  }

  void purged(long count) {
    purged.add(count);
  }

  void taskStarted() {
    tasksRunning.incrementAndGet();
  }

  void taskEnded() {
    tasksRunning.decrementAndGet();
  }
}
