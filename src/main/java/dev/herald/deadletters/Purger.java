package dev.herald.deadletters;

import dev.herald.config.EventChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/**
 * Deletes a channel's dead letters written before a time. Per partition it finds, when it starts,
 * the first dead letter at or after that time (or the end, when none is that recent) and deletes
 * the records below it ({@code Admin.deleteRecords}): dead letters from that one on, and those that
 * arrive meanwhile, are kept.
 */
@ApplicationScoped
public class Purger {

  private static final Logger LOG = Logger.getLogger(Purger.class.getName());

  @Inject DeadLetterKafka kafka;
  @Inject DeadLetterTopics topics;
  @Inject RedriveMarks marks;
  @Inject DeadLetterCounts counts;

  /**
   * @throws DeadLetterException.InvalidQuery when the type or the time is missing or the time is
   *     not RFC 3339
   * @throws DeadLetterException.NotFound when the type is unknown
   */
  public PurgeResult purge(String type, String before) {
    if (type == null || type.isBlank()) {
      throw new DeadLetterException.InvalidQuery(
          "type is required: a purge deletes the dead letters of one event type, e.g."
              + " {\"type\": \"chat.message.received\", \"before\": \"2026-12-01T00:00:00Z\"}");
    }
    if (before == null || before.isBlank()) {
      throw new DeadLetterException.InvalidQuery(
          "before is required: dead letters written before it are deleted, e.g."
              + " \"before\": \"2026-12-01T00:00:00Z\"");
    }
    Instant time = TimeRange.instant("before", before);
    EventChannel channel = topics.channel(type.strip());
    String topic = channel.deadLetterTopic();
    Admin admin = kafka.admin();
    var description =
        kafka.await(admin.describeTopics(List.of(topic)).allTopicNames(), "describing " + topic);
    List<TopicPartition> partitions =
        description.get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, ListOffsetsResultInfo> start =
        offsets(admin, partitions, OffsetSpec.earliest());
    Map<TopicPartition, ListOffsetsResultInfo> end =
        offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, ListOffsetsResultInfo> at =
        offsets(admin, partitions, OffsetSpec.forTimestamp(time.toEpochMilli()));
    Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
    Map<Integer, Long> upTo = new HashMap<>();
    for (TopicPartition partition : partitions) {
      long first = at.get(partition).offset(); // -1: nothing written at or after the time
      long bound = first < 0 ? end.get(partition).offset() : first;
      upTo.put(partition.partition(), bound);
      if (bound > start.get(partition).offset()) {
        delete.put(partition, RecordsToDelete.beforeOffset(bound));
      }
    }
    kafka.await(admin.deleteRecords(delete).all(), "deleting dead letters of " + topic);
    List<PurgeResult.Partition> results = new ArrayList<>();
    long deleted = 0;
    for (TopicPartition partition : partitions) {
      long from = start.get(partition).offset();
      long to = Math.max(from, upTo.get(partition.partition()));
      results.add(new PurgeResult.Partition(partition.partition(), to, to - from));
      deleted += to - from;
    }
    counts.purged(deleted);
    kafka.await(
        marks.forget(channel.channel(), upTo), "forgetting the redrives of purged dead letters");
    LOG.info("Purged " + deleted + " dead letters of " + topic + " written before " + time);
    return new PurgeResult(type.strip(), topic, time.toString(), results, deleted);
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, spec));
    return kafka.await(admin.listOffsets(request).all(), "listing offsets of " + partitions);
  }
}
