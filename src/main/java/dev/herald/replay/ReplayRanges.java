package dev.herald.replay;

import static dev.herald.replay.ReplayRefusedException.invalid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a request's range into fixed offsets per partition, from what the consumer answered when
 * the replay started (end offsets, beginning offsets, {@code offsetsForTimes}), so that it is
 * decided without a broker and records written later are never part of it.
 */
final class ReplayRanges {

  private ReplayRanges() {}

  /**
   * A time range: from the first record at or after {@code from} up to the first record after
   * {@code to} (the end offset when {@code to} is open or nothing comes after it). {@code
   * offsetsForTimes} answers null for a partition with no record at or after the time (KAFKA-5534):
   * for {@code from} the partition is then empty, for {@code to} it ends at its end offset.
   *
   * @param endOffsets every partition of the topic with its end offset at the start
   * @param atFrom {@code offsetsForTimes} of {@link #firstMilliAtOrAfter(Instant) from}
   * @param afterTo {@code offsetsForTimes} of {@link #firstMilliAfter(Instant) to}; null when open
   */
  static List<PartitionRange> byTime(
      Map<TopicPartition, Long> endOffsets,
      Map<TopicPartition, OffsetAndTimestamp> atFrom,
      Map<TopicPartition, OffsetAndTimestamp> afterTo) {
    List<PartitionRange> ranges = new ArrayList<>(endOffsets.size());
    endOffsets.forEach(
        (partition, endOffset) -> {
          long end = endOffset;
          OffsetAndTimestamp after = afterTo == null ? null : afterTo.get(partition);
          if (after != null) {
            end = Math.min(end, after.offset());
          }
          OffsetAndTimestamp first = atFrom.get(partition);
          long start = first == null ? end : Math.min(first.offset(), end);
          ranges.add(new PartitionRange(partition.partition(), start, end));
        });
    ranges.sort(Comparator.comparingInt(PartitionRange::partition));
    return ranges;
  }

  /**
   * Offsets given per partition ({@code to} inclusive), checked against the log as it is at the
   * start: each partition must exist, {@code from} must not be before the log start (records
   * deleted by retention) and {@code to} must be before the end offset.
   */
  static List<PartitionRange> byOffsets(
      String topic,
      Map<Integer, ReplayRequest.Offsets> requested,
      Map<TopicPartition, Long> beginningOffsets,
      Map<TopicPartition, Long> endOffsets) {
    List<PartitionRange> ranges = new ArrayList<>(requested.size());
    for (Map.Entry<Integer, ReplayRequest.Offsets> entry : new TreeMap<>(requested).entrySet()) {
      int partition = entry.getKey();
      ReplayRequest.Offsets offsets = entry.getValue();
      TopicPartition key = new TopicPartition(topic, partition);
      Long beginning = beginningOffsets.get(key);
      Long end = endOffsets.get(key);
      if (beginning == null || end == null) {
        throw invalid(
            "Topic "
                + topic
                + " has no partition "
                + partition
                + "; it has partitions 0 to "
                + (endOffsets.size() - 1));
      }
      if (offsets.from() < beginning) {
        throw invalid(
            "Offset "
                + offsets.from()
                + " of partition "
                + partition
                + " is no longer in "
                + topic
                + ": the partition starts at offset "
                + beginning);
      }
      if (offsets.to() >= end) {
        throw invalid(
            "Offset "
                + offsets.to()
                + " of partition "
                + partition
                + " is not written yet: the last offset of "
                + topic
                + " there is "
                + (end - 1)
                + (end.equals(beginning) ? " (the partition is empty)" : ""));
      }
      ranges.add(new PartitionRange(partition, offsets.from(), offsets.to() + 1));
    }
    return ranges;
  }

  /** The first whole millisecond (record timestamps' unit) at or after a time, never negative. */
  static long firstMilliAtOrAfter(Instant time) {
    long millis = floorMillis(time);
    boolean fraction = time.getNano() % 1_000_000 != 0;
    return Math.max(0, fraction && millis < Long.MAX_VALUE ? millis + 1 : millis);
  }

  /** The first whole millisecond after a time, never negative. */
  static long firstMilliAfter(Instant time) {
    long millis = floorMillis(time);
    return Math.max(0, millis < Long.MAX_VALUE ? millis + 1 : millis);
  }

  /** Milliseconds since the epoch, rounded down; saturated for times beyond a long's range. */
  private static long floorMillis(Instant time) {
    try {
      return time.toEpochMilli();
    } catch (ArithmeticException e) {
      return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
