package dev.herald.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What a channel may commit: per partition, the offset after the longest run of settled records
 * from the first one the channel took, whatever order records of different keys finish in. A record
 * still handled, or whose dead-letter write is not confirmed, holds its partition's commit back;
 * records after it are committed once it settles. Kafka's commit strategy of the channel reads it
 * ({@link #toCommit}) on its own schedule, on revoke and at the stop.
 */
public final class Offsets {

  private static final long HANDOVER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final ArrayDeque<Batch> batches = new ArrayDeque<>();
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private volatile boolean closed;
  private volatile boolean attached;

  /** Takes a batch in; null once closed (the stop began): such records are left to a restart. */
  synchronized Batch register(List<Consumed> records, long nowMillis) {
    if (closed) {
      return null;
    }
    Batch batch = new Batch(records, nowMillis);
    batches.add(batch);
    return batch;
  }

  /** A commit strategy commits from these offsets. */
  public void attach() {
    attached = true;
  }

  /** Whether a commit strategy commits from these offsets. */
  boolean attached() {
    return attached;
  }

  /** Whether the channel takes and starts no more records (the stop began). */
  public boolean closed() {
    return closed;
  }

  /** No record may start handling from now on. */
  public void close() {
    closed = true;
  }

  /**
   * The positions to commit that moved since the last {@link #committed} call, per partition (the
   * offset of the next record to read).
   */
  public synchronized Map<TopicPartition, Long> toCommit() {
    advance();
    Map<TopicPartition, Long> moved = new HashMap<>();
    positions.forEach(
        (partition, position) -> {
          if (!position.equals(committed.get(partition))) {
            moved.put(partition, position);
          }
        });
    return moved;
  }

  /** Kafka has these positions. */
  public synchronized void committed(Map<TopicPartition, Long> offsets) {
    offsets.forEach(
        (partition, position) -> {
          if (positions.containsKey(partition)) { // else handed over since
            committed.merge(partition, position, Math::max);
          }
        });
  }

  /**
   * The partitions go to another consumer of the group: no record of theirs starts from now on, and
   * a record whose handler call is running makes no further call or attempt once that one ends (it
   * is abandoned, so the new owner handles it again). Waits up to {@code wait} for those calls to
   * end, then returns the positions to commit for the partitions (the end of their handled prefix,
   * where it moved since the last commit) and forgets them: nothing of theirs is committed by this
   * consumer afterwards, whatever finishes late.
   */
  public Map<TopicPartition, Long> revoke(Collection<TopicPartition> partitions, Duration wait) {
    synchronized (this) {
      forEachRun(partitions, Batch.Run::revoke);
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (busy(partitions) && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(HANDOVER_POLL_NANOS);
    }
    synchronized (this) {
      advance();
      forEachRun(partitions, Batch.Run::release);
      Map<TopicPartition, Long> last = new HashMap<>();
      for (TopicPartition partition : partitions) {
        Long position = positions.remove(partition);
        if (position != null && !position.equals(committed.remove(partition))) {
          last.put(partition, position);
        }
      }
      dropCompleteBatches();
      return last;
    }
  }

  /** Whether a record of the partitions is still being handled or written. */
  synchronized boolean busy(Collection<TopicPartition> partitions) {
    for (Batch batch : batches) {
      for (Batch.Run run : batch.runs()) {
        if (partitions.contains(run.partition) && !run.released() && run.busy()) {
          return true;
        }
      }
    }
    return false;
  }

  private void forEachRun(Collection<TopicPartition> partitions, Consumer<Batch.Run> action) {
    for (Batch batch : batches) {
      for (Batch.Run run : batch.runs()) {
        if (partitions.contains(run.partition)) {
          action.accept(run);
        }
      }
    }
  }

  /** No record taken is still being handled or written. */
  public synchronized boolean idle() {
    for (Batch batch : batches) {
      if (!batch.finished()) {
        return false;
      }
    }
    return true;
  }

  /** How long the oldest record not yet settled has waited, in ms; 0 when none waits. */
  public synchronized long oldestUnsettledMillis(long nowMillis) {
    advance();
    Batch oldest = batches.peekFirst();
    return oldest == null ? 0 : nowMillis - oldest.receivedAtMillis;
  }

  private void advance() {
    Set<TopicPartition> held = new HashSet<>();
    for (Batch batch : batches) {
      for (Batch.Run run : batch.runs()) {
        if (run.released() || held.contains(run.partition)) {
          continue;
        }
        long position = run.advance();
        if (position >= 0) {
          positions.put(run.partition, position);
        }
        if (!run.complete()) {
          held.add(run.partition);
        }
      }
    }
    dropCompleteBatches();
  }

  private void dropCompleteBatches() {
    Iterator<Batch> oldestFirst = batches.iterator();
    while (oldestFirst.hasNext()) {
      Batch batch = oldestFirst.next();
      if (!batch.runs().stream().allMatch(Batch.Run::complete)) {
        return;
      }
      oldestFirst.remove();
    }
  }
}
