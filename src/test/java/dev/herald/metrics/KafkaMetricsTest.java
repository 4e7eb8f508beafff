package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.kafka.BrokerStatus;
import dev.herald.kafka.KafkaProbe;
import dev.herald.kafka.PartitionLag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-partition lag gauges: one per partition the probe saw, reading its latest status. */
class KafkaMetricsTest {

  private static final String CHANNEL = "chat-message-received";

  private final RecordingRegistry recorded = new RecordingRegistry();
  private volatile BrokerStatus current;
  private final KafkaMetrics metrics = new KafkaMetrics();

  KafkaMetricsTest() {
    metrics.registry = recorded.registry;
    metrics.probe =
        new KafkaProbe() {
          @Override
          public BrokerStatus status() {
            return current;
          }
        };
  }

  @Test
  void eachPartitionGetsOneGaugeThatReadsTheLatestCheck() {
    metrics.partitionsSeen(check(new PartitionLag(0, 5, 12), new PartitionLag(1, 3, 3)));
    metrics.partitionsSeen(check(new PartitionLag(0, 10, 12), new PartitionLag(1, 3, 4)));

    assertThat(recorded.gauges).hasSize(2);
    assertThat(recorded.gauge(partition(0))).isEqualTo(2);
    assertThat(recorded.gauge(partition(1))).isEqualTo(1);
  }

  @Test
  void aPartitionAddedToTheTopicGetsItsGaugeAtTheNextCheck() {
    metrics.partitionsSeen(check(new PartitionLag(0, 0, 1)));
    assertThat(recorded.gauges).containsOnlyKeys(partition(0));

    metrics.partitionsSeen(check(new PartitionLag(0, 1, 1), new PartitionLag(1, 0, 7)));

    assertThat(recorded.gauges).containsOnlyKeys(partition(0), partition(1));
    assertThat(recorded.gauge(partition(1))).isEqualTo(7);
  }

  @Test
  void aPartitionTheLatestCheckDidNotSeeReadsNaN() {
    metrics.partitionsSeen(check(new PartitionLag(0, 0, 1), new PartitionLag(1, 0, 1)));

    current =
        new BrokerStatus(
            true, null, 1, Instant.now(), Map.of(), Map.of(), Map.of(CHANNEL, List.of()), Map.of());

    assertThat(recorded.gauge(partition(1))).isNaN();
  }

  private BrokerStatus check(PartitionLag... partitions) {
    current =
        new BrokerStatus(
            true,
            null,
            1,
            Instant.now(),
            Map.of(CHANNEL, 0L),
            Map.of(CHANNEL, 0L),
            Map.of(CHANNEL, List.of(partitions)),
            Map.of(CHANNEL, 1));
    return current;
  }

  private static String partition(int partition) {
    return "herald.consumer.partition.lag{channel=" + CHANNEL + ",partition=" + partition + "}";
  }
}
