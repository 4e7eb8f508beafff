package dev.herald.routing;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What a channel may commit: per partition, the offset after the longest run of settled records
 * from the first one the channel took, whatever order records of different keys finish in. A record
 * still handled, or whose dead-letter write is not confirmed, holds its partition's commit back;
 * records after it are committed once it settles. Kafka's commit strategy of the channel reads it
 * ({@link #toCommit}) on its own schedule, on revoke and at the stop.
 */
public final class Offsets {

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
    offsets.forEach((partition, position) -> committed.merge(partition, position, Math::max));
  }

  /**
   * The partitions went to another consumer of the group: their records not yet started are
   * skipped, and the positions to commit for them are returned (and forgotten).
   */
  public synchronized Map<TopicPartition, Long> revoke(Collection<TopicPartition> partitions) {
    advance();
    Map<TopicPartition, Long> last = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Long position = positions.remove(partition);
      if (position != null && !position.equals(committed.remove(partition))) {
        last.put(partition, position);
      }
    }
    for (Batch batch : batches) {
      for (Batch.Run run : batch.runs()) {
        if (partitions.contains(run.partition)) {
          run.revoke();
        }
      }
    }
    dropCompleteBatches();
    return last;
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
        if (run.revoked() || held.contains(run.partition)) {
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
