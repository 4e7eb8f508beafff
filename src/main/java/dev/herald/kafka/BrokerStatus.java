package dev.herald.kafka;

import java.time.Instant;
import java.util.Map;

/**
 * The last verdict of the {@link KafkaProbe}.
 *
 * @param lag per channel, records its consumer group has not committed yet
 * @param deadLettered per channel, records written to its dead-letter topic (sum of end offsets)
 */
public record BrokerStatus(
    boolean up,
    String reason,
    int brokers,
    Instant checkedAt,
    Map<String, Long> lag,
    Map<String, Long> deadLettered) {

  static BrokerStatus unknown() {
    return new BrokerStatus(false, "not checked yet", 0, null, Map.of(), Map.of());
  }

  static BrokerStatus down(String reason, BrokerStatus previous) {
    return new BrokerStatus(
        false, reason, 0, Instant.now(), previous.lag(), previous.deadLettered());
  }
}
