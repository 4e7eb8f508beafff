package dev.herald.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The last verdict of the {@link KafkaProbe}.
 *
 * @param lag per channel, records its consumer group has not committed yet
 * @param deadLettered per channel, records written to its dead-letter topic (sum of end offsets)
 * @param partitions per channel, the lag of each partition of its topic
 * @param members per channel, how many consumers its group has (one per server running it)
 */
public record BrokerStatus(
    boolean up,
    String reason,
    int brokers,
    Instant checkedAt,
    Map<String, Long> lag,
    Map<String, Long> deadLettered,
    Map<String, List<PartitionLag>> partitions,
    Map<String, Integer> members) {

  /** The most consumers any channel's group has: the servers sharing the work, as Kafka sees it. */
  public int servers() {
    return members.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  static BrokerStatus unknown() {
    return new BrokerStatus(
        false, "not checked yet", 0, null, Map.of(), Map.of(), Map.of(), Map.of());
  }

  static BrokerStatus down(String reason, BrokerStatus previous) {
    return new BrokerStatus(
        false,
        reason,
        0,
        Instant.now(),
        previous.lag(),
        previous.deadLettered(),
        previous.partitions(),
        previous.members());
  }
}
