package dev.herald.deadletters;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition of a dead-letter topic newest first, between a floor and a bound (offsets
 * {@code floor <= offset < bound}), in chunks read forwards and handed out backwards, keeping only
 * the records the filter takes. Readers of one listing share one consumer.
 */
final class PartitionReader {

  private final Cursor.Position position;
  private final TopicPartition partition;
  private final long floor;
  private final DeadLetterFilter filter;
  private final int chunk;
  private long bound;
  private final Deque<ConsumerRecord<String, byte[]>> ready = new ArrayDeque<>();

  PartitionReader(
      Cursor.Position position,
      TopicPartition partition,
      long floor,
      long bound,
      DeadLetterFilter filter,
      int chunk) {
    this.position = position;
    this.partition = partition;
    this.floor = floor;
    this.bound = Math.max(floor, bound);
    this.filter = filter;
    this.chunk = chunk;
  }

  Cursor.Position position() {
    return position;
  }

  /**
   * The newest matching record not yet taken, reading more while there is time; null when none is
   * left, or none was found in time (then not {@link #exhausted()}).
   *
   * @param readUntil when to stop reading more chunks (nanoTime)
   * @param deadline when a chunk being read is given up as Kafka not answering (nanoTime)
   */
  ConsumerRecord<String, byte[]> head(
      Consumer<String, byte[]> consumer, long readUntil, long deadline) {
    while (ready.isEmpty() && bound > floor && System.nanoTime() < readUntil) {
      readChunk(consumer, deadline);
    }
    return ready.peekFirst();
  }

  /** Whether every matching record down to the floor was taken. */
  boolean exhausted() {
    return ready.isEmpty() && bound <= floor;
  }

  void take() {
    ready.removeFirst();
  }

  /** Where the next page resumes: below the head not yet taken, else below what was read. */
  long nextBound() {
    return ready.isEmpty() ? bound : ready.peekFirst().offset() + 1;
  }

  private void readChunk(Consumer<String, byte[]> consumer, long deadlineNanos) {
    long start = Math.max(floor, bound - chunk);
    consumer.assign(List.of(partition));
    consumer.seek(partition, start);
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    while (consumer.position(partition) < bound) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new DeadLetterException.Unavailable(
            "reading " + partition + " from offset " + start + " took too long", null);
      }
      for (ConsumerRecord<String, byte[]> record :
          consumer.poll(Duration.ofNanos(Math.min(left, 500_000_000L)))) {
        if (record.offset() >= start && record.offset() < bound && filter.matches(record)) {
          read.add(record);
        }
      }
    }
    for (int i = read.size() - 1; i >= 0; i--) {
      ready.addLast(read.get(i));
    }
    bound = start;
  }
}
