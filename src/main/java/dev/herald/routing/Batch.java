package dev.herald.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's records of a channel and how far each got: a record is settled once it is handled, or
 * dead-lettered or handed to a retry topic and that write is confirmed; it is abandoned when the
 * stop or a revoke cut its handling short. Settling is a plain write per record, no lock: {@link
 * Offsets} reads the states when it computes what to commit.
 */
final class Batch {

  private static final int OPEN = 0;
  private static final int SETTLED = 1;
  private static final int ABANDONED = 2;

  /** Each record until it settles or is abandoned: then only its offset is kept. */
  private final Consumed[] records;

  private final long[] offsets;
  private final AtomicIntegerArray states;
  private final AtomicInteger open;
  private final List<Run> runs;
  private final Run[] runOf;
  final long receivedAtMillis;

  Batch(List<Consumed> records, long receivedAtMillis) {
    this.records = records.toArray(Consumed[]::new);
    this.offsets = new long[this.records.length];
    for (int i = 0; i < this.records.length; i++) {
      offsets[i] = this.records[i].offset();
    }
    this.states = new AtomicIntegerArray(this.records.length);
    this.open = new AtomicInteger(this.records.length);
    this.receivedAtMillis = receivedAtMillis;
    Map<TopicPartition, List<Integer>> byPartition = new LinkedHashMap<>();
    for (int i = 0; i < this.records.length; i++) {
      byPartition.computeIfAbsent(this.records[i].partition(), p -> new ArrayList<>()).add(i);
    }
    List<Run> built = new ArrayList<>(byPartition.size());
    this.runOf = new Run[this.records.length];
    byPartition.forEach(
        (partition, indexes) -> {
          Run run = new Run(partition, indexes.stream().mapToInt(Integer::intValue).toArray());
          built.add(run);
          indexes.forEach(index -> runOf[index] = run);
        });
    this.runs = List.copyOf(built);
  }

  int size() {
    return records.length;
  }

  Consumed record(int index) {
    return records[index];
  }

  /** The record is done with: its offset may be committed. Its value is let go. */
  void settle(int index) {
    if (states.compareAndSet(index, OPEN, SETTLED)) {
      records[index] = null;
      open.decrementAndGet();
    }
  }

  /** The record's handling was cut short: its offset holds back its partition's commit. */
  void abandon(int index) {
    if (states.compareAndSet(index, OPEN, ABANDONED)) {
      records[index] = null;
      open.decrementAndGet();
    }
  }

  /** The record's partition was revoked: another consumer of the group handles it now. */
  boolean revoked(int index) {
    return runOf[index].revoked();
  }

  boolean settled(int index) {
    return states.get(index) == SETTLED;
  }

  /** No record is still being handled or written. */
  boolean finished() {
    return open.get() == 0;
  }

  List<Run> runs() {
    return runs;
  }

  /**
   * A partition's records in this batch, in offset order, with how many of them from the start are
   * settled (advanced by {@link Offsets} only, under its lock).
   */
  final class Run {
    final TopicPartition partition;
    private final int[] indexes;
    private int settledPrefix;
    private volatile boolean revoked;
    private boolean released;

    Run(TopicPartition partition, int[] indexes) {
      this.partition = partition;
      this.indexes = indexes;
    }

    /**
     * Moves over the records settled since the last call, in order.
     *
     * @return the offset after the last settled record of the prefix, or -1 when none moved
     */
    long advance() {
      long next = -1;
      while (settledPrefix < indexes.length && settled(indexes[settledPrefix])) {
        next = offsets[indexes[settledPrefix]] + 1;
        settledPrefix++;
      }
      return next;
    }

    boolean complete() {
      return released || settledPrefix == indexes.length;
    }

    /** Whether one of its records is still being handled or written. */
    boolean busy() {
      for (int index : indexes) {
        if (states.get(index) == OPEN) {
          return true;
        }
      }
      return false;
    }

    /** No record of it starts, nor makes another handler call, from now on. */
    void revoke() {
      revoked = true;
    }

    /** Its partition was handed over: it moves no commit position any more. */
    void release() {
      revoked = true;
      released = true;
    }

    boolean released() {
      return released;
    }

    boolean revoked() {
      return revoked;
    }
  }
}
