package dev.herald.benchmark.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The records of a topic a consumer group has still to read: per partition, from the group's
 * committed offset (the start of the partition when it committed none) to the end.
 *
 * @param from where the group would start reading each partition
 * @param to each partition's end offset when this was taken
 */
record Backlog(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {

  /** The backlog of a group on a topic, now. */
  static Backlog of(Map<String, Object> adminSettings, String topic, String group)
      throws Exception {
    try (Admin admin = Admin.create(adminSettings)) {
      List<TopicPartition> partitions = partitions(admin, topic);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> from =
          partitions.stream()
              .collect(
                  Collectors.toMap(
                      p -> p,
                      p -> committed.get(p) == null ? start.get(p) : committed.get(p).offset()));
      return new Backlog(from, offsets(admin, partitions, OffsetSpec.latest()));
    }
  }

  /**
   * The sum of a topic's end offsets: how many records were ever written to it; 0 while it does not
   * exist.
   */
  static long written(Map<String, Object> adminSettings, String topic) throws Exception {
    try (Admin admin = Admin.create(adminSettings)) {
      return offsets(admin, partitions(admin, topic), OffsetSpec.latest()).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return 0;
      }
      throw e;
    }
  }

  /** How many records the group has still to read. */
  long size() {
    return to.entrySet().stream()
        .mapToLong(end -> Math.max(0, end.getValue() - from.get(end.getKey())))
        .sum();
  }

  private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(10, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, ListOffsetsResultInfo> offsets =
        admin
            .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
            .all()
            .get(10, TimeUnit.SECONDS);
    return offsets.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
