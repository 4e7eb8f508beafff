package dev.herald.deadletters;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Turns the ends of a {@link TimeRange} into offsets of a dead-letter topic's partitions. */
final class TimeOffsets {

  private TimeOffsets() {}

  /**
   * Per partition the first offset written at or after {@code time}; {@code whenOpen} when there is
   * no time, and the end when no record is that recent (offsetsForTimes then answers null for the
   * partition, KAFKA-5534).
   */
  static Map<TopicPartition, Long> at(
      Consumer<String, byte[]> consumer,
      Instant time,
      Map<TopicPartition, Long> whenOpen,
      Map<TopicPartition, Long> end) {
    if (time == null) {
      return whenOpen;
    }
    Map<TopicPartition, Long> query = new LinkedHashMap<>();
    end.keySet().forEach(p -> query.put(p, time.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
    for (TopicPartition partition : end.keySet()) {
      OffsetAndTimestamp first = found.get(partition);
      offsets.put(partition, first == null ? end.get(partition) : first.offset());
    }
    return offsets;
  }
}
