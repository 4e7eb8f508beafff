package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against the test broker: what a service without Herald's code would use. */
public final class TestKafka {

  private TestKafka() {}

  /**
   * A binary-mode {@code chat.message.received} record keyed {@code acme}, with the four required
   * {@code ce_*} headers and any value, as a producer without Herald's code would write it.
   */
  public static ProducerRecord<String, byte[]> chatRecord(String id, byte[] value) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestEvents.TOPIC, "acme", value);
    record.headers().add("ce_specversion", utf8("1.0"));
    record.headers().add("ce_id", utf8(id));
    record.headers().add("ce_type", utf8(TestEvents.TYPE));
    record.headers().add("ce_source", utf8("/tests"));
    return record;
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public static void send(ProducerRecord<String, byte[]> record) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + record.topic(), e);
    }
  }

  /** Reads a topic from the start, in a group of its own, until a record matches. */
  public static ConsumerRecord<String, byte[]> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
      await("a matching record on " + topic)
          .atMost(Duration.ofSeconds(60))
          .pollDelay(Duration.ZERO)
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  if (matching.test(record)) {
                    found[0] = record;
                    return true;
                  }
                }
                return false;
              });
      return found[0];
    }
  }

  /** The end offset of every partition of a topic. */
  public static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    return endOffsets(TestBroker.get().admin(), topic);
  }

  /** The end offset of every partition of a topic, read by {@code admin}, which is then closed. */
  public static Map<TopicPartition, Long> endOffsets(Admin broker, String topic) throws Exception {
    try (Admin admin = broker) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listOffsets(request)
          .all()
          .get(10, TimeUnit.SECONDS)
          .forEach((partition, info) -> offsets.put(partition, info.offset()));
      return offsets;
    }
  }

  /** A consumer group's committed offset on every partition of a topic it committed. */
  public static Map<TopicPartition, Long> committed(String group, String topic) throws Exception {
    try (Admin admin = TestBroker.get().admin()) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS)
          .forEach(
              (partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                  offsets.put(partition, offset.offset());
                }
              });
      return offsets;
    }
  }

  public static Optional<String> header(ConsumerRecord<?, ?> record, String key) {
    Header header = record.headers().lastHeader(key);
    return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
