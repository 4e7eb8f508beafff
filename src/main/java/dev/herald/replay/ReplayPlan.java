package dev.herald.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Asks the broker, through the replay's consumer, what {@link ReplayRanges} needs to fix the
 * ranges: the topic's partitions and end offsets first (so that nothing written later is part of
 * the replay), then the offsets of the request's times or the beginning offsets.
 */
final class ReplayPlan {

  /** How long each call may take: the request that starts the replay waits for them. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ReplayPlan() {}

  static List<PartitionRange> resolve(
      Consumer<String, byte[]> consumer, String topic, ReplayRequest request) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      throw new ReplayRefusedException(
          ReplayRefusedException.Reason.UNAVAILABLE,
          "Topic " + topic + " has no partitions on the broker; is it created?");
    }
    List<TopicPartition> partitions =
        infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
    if (!request.byTime()) {
      return ReplayRanges.byOffsets(
          topic, request.offsets(), consumer.beginningOffsets(partitions, TIMEOUT), end);
    }
    Map<TopicPartition, OffsetAndTimestamp> atFrom =
        consumer.offsetsForTimes(
            at(partitions, ReplayRanges.firstMilliAtOrAfter(request.from())), TIMEOUT);
    Map<TopicPartition, OffsetAndTimestamp> afterTo =
        request.to() == null
            ? null
            : consumer.offsetsForTimes(
                at(partitions, ReplayRanges.firstMilliAfter(request.to())), TIMEOUT);
    return ReplayRanges.byTime(end, atFrom, afterTo);
  }

  private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, long millis) {
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, millis));
    return times;
  }
}
