package dev.herald.outbox;

import static org.awaitility.Awaitility.await;

import dev.herald.testing.TestBroker;
import dev.herald.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its start, in a group of its own, keeping the records of one test run. */
final class OutboxTopic implements AutoCloseable {

  /** One record of the run: its event id, key and data, in the order read. */
  record Sent(String id, String key, String data, int partition) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final String prefix;
  private final List<Sent> read = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  OutboxTopic(String topic, String prefix) {
    this.prefix = prefix;
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Reads until {@code count} distinct events of the run arrived; every record read so far. */
  List<Sent> awaitDistinct(int count, Duration within) {
    await("%d events of %s on Kafka".formatted(count, prefix))
        .atMost(within)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              poll();
              return ids.size() >= count;
            });
    return List.copyOf(read);
  }

  /** Reads until the event arrived. */
  List<Sent> awaitId(String id, Duration within) {
    await("event " + id + " on Kafka")
        .atMost(within)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              poll();
              return ids.contains(id);
            });
    return List.copyOf(read);
  }

  private void poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      String id = TestKafka.header(record, "ce_id").orElse("");
      if (id.startsWith(prefix)) {
        read.add(
            new Sent(
                id,
                record.key(),
                new String(record.value(), StandardCharsets.UTF_8),
                record.partition()));
        ids.add(id);
      }
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
