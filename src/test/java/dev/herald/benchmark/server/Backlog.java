package dev.herald.benchmark.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How many records of a topic a consumer group has still to read. */
final class Backlog {

  private Backlog() {}

  /** The topic's end offsets less the group's committed offsets; a new group reads everything. */
  static long of(Map<String, Object> adminSettings, String topic, String group) throws Exception {
    try (Admin admin = Admin.create(adminSettings)) {
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      long backlog = 0;
      for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata position = committed.get(end.getKey());
        backlog += end.getValue().offset() - (position == null ? 0 : position.offset());
      }
      return backlog;
    }
  }
}
