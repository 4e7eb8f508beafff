package dev.herald.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reads how far a consumer group is behind a topic's end, from offsets the probe listed. */
final class ConsumerLag {

  private final Admin admin;
  private final long timeoutMs;

  ConsumerLag(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeoutMs = timeout.toMillis();
  }

  /** Per partition of {@code topic}, how far {@code groupId} is behind, by partition number. */
  List<PartitionLag> of(
      String topic, String groupId, Map<TopicPartition, ListOffsetsResultInfo> ends)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(groupId)
            .partitionsToOffsetAndMetadata()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
    List<PartitionLag> partitions = new ArrayList<>();
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
      if (end.getKey().topic().equals(topic)) {
        OffsetAndMetadata position = committed.get(end.getKey());
        partitions.add(
            new PartitionLag(
                end.getKey().partition(),
                position == null ? 0 : position.offset(),
                end.getValue().offset()));
      }
    }
    partitions.sort(Comparator.comparingInt(PartitionLag::partition));
    return partitions;
  }

  /** The records of all partitions not committed yet. */
  static long total(List<PartitionLag> partitions) {
    return partitions.stream().mapToLong(PartitionLag::lag).sum();
  }

  /** Records ever written to {@code topic}: the sum of its end offsets. */
  static long endOffsetSum(String topic, Map<TopicPartition, ListOffsetsResultInfo> ends) {
    return ends.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }
}
