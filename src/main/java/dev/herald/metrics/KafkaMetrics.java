package dev.herald.metrics;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.kafka.BrokerStatus;
import dev.herald.kafka.KafkaProbe;
import dev.herald.kafka.PartitionLag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Per-channel and per-partition gauges read from the probe's cached status, so a scrape never calls
 * Kafka. The partition tag is bounded by the partition count of the channel's topic; a partition
 * gets its gauge once a probe check has seen it (a topic that grew gets the new ones).
 */
@ApplicationScoped
public class KafkaMetrics {

  static final Metadata LAG =
      Metadata.builder()
          .withName("herald.consumer.lag")
          .withDescription("Records on the channel's topic its consumer group has not committed")
          .build();
  static final Metadata PARTITION_LAG =
      Metadata.builder()
          .withName("herald.consumer.partition.lag")
          .withDescription(
              "Records on one partition of the channel's topic its consumer group has not"
                  + " committed; one series per partition of the topic")
          .build();
  static final Metadata DEAD_LETTER_RECORDS =
      Metadata.builder()
          .withName("herald.dead.letter.records")
          .withDescription("Records written to the channel's dead-letter topic (end offsets)")
          .build();
  static final Metadata BROKER_UP =
      Metadata.builder()
          .withName("herald.broker.up")
          .withDescription("1 when the last broker check passed, else 0")
          .build();

  @Inject KafkaProbe probe;
  @Inject EventChannels channels;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  /** The channels' partitions that have a gauge, as {@code channel/partition}. */
  private final Set<String> partitionGauges = ConcurrentHashMap.newKeySet();

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (EventChannel channel : channels.all()) {
      Tag tag = new Tag("channel", channel.channel());
      registry.gauge(LAG, probe, p -> value(p.status().lag(), channel.channel()), tag);
      registry.gauge(
          DEAD_LETTER_RECORDS,
          probe,
          p -> value(p.status().deadLettered(), channel.channel()),
          tag);
    }
    registry.gauge(BROKER_UP, probe, p -> p.status().up() ? 1 : 0);
    partitionsSeen(probe.status());
  }

  /** Registers a gauge for each partition a check saw for the first time. */
  void partitionsSeen(@Observes BrokerStatus status) {
    status
        .partitions()
        .forEach(
            (channel, partitions) -> {
              for (PartitionLag seen : partitions) {
                int partition = seen.partition();
                if (partitionGauges.add(channel + "/" + partition)) {
                  registry.gauge(
                      PARTITION_LAG,
                      probe,
                      p -> lag(p.status().partitions().get(channel), partition),
                      new Tag("channel", channel),
                      new Tag("partition", Integer.toString(partition)));
                }
              }
            });
  }

  private static double lag(List<PartitionLag> partitions, int partition) {
    if (partitions != null) {
      for (PartitionLag lag : partitions) {
        if (lag.partition() == partition) {
          return lag.lag();
        }
      }
    }
    return Double.NaN;
  }

  private static double value(Map<String, Long> values, String channel) {
    Long value = values.get(channel);
    return value == null ? Double.NaN : value;
  }
}
