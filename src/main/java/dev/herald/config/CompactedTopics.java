package dev.herald.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The compacted topics Herald keeps shared state in (webhook endpoints and deliveries, channel
 * states): created when missing, with the broker's defaults otherwise; read whole and followed by
 * every server; written with {@code acks=all}.
 */
public final class CompactedTopics {

  private CompactedTopics() {}

  /**
   * Creates {@code topic} compacted, with the broker's partitions and replication and {@code
   * configs}, unless it exists.
   *
   * @param what what it holds, for the errors
   * @param clientId the admin client's id, e.g. {@code herald-webhooks-admin}
   * @throws IllegalStateException when it is missing and may not be created, or Kafka refused
   */
  public static void ensure(
      KafkaClients clients,
      ProbeSettings probe,
      String topic,
      String what,
      Map<String, String> configs,
      String clientId,
      Duration timeout) {
    try (Admin admin = clients.admin(Map.of("client.id", clientId))) {
      Set<String> names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (names.contains(topic)) {
        return;
      }
      if (!probe.createTopics()) {
        throw new IllegalStateException(
            "the "
                + what
                + " topic "
                + topic
                + " does not exist: create it with cleanup.policy=compact, or set "
                + ProbeSettings.CREATE_TOPICS.key()
                + "=true");
      }
      Map<String, String> all = new HashMap<>(configs);
      all.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      NewTopic compacted = new NewTopic(topic, Optional.empty(), Optional.empty()).configs(all);
      admin.createTopics(Set.of(compacted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) { // else another server created it
        throw new IllegalStateException(
            "creating the " + what + " topic " + topic + " failed: " + e.getCause(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer about the topic " + topic + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** What a follower does with each record of a compacted topic. */
  @FunctionalInterface
  public interface RecordSink {
    void accept(ConsumerRecord<String, byte[]> record);
  }

  /**
   * Reads {@code topic} from its start, in no group and never committing, and follows it while
   * {@code loop} runs: each record goes to {@code sink}, and {@code atEnd} runs once, when the
   * records that were in the topic at the start were all read.
   */
  public static void follow(
      KafkaClients clients,
      ConsumerLoop loop,
      String topic,
      String clientId,
      Duration timeout,
      RecordSink sink,
      Runnable atEnd) {
    try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> tail =
        loop.using(
            clients.consumer(
                Map.of(
                    ConsumerConfig.CLIENT_ID_CONFIG,
                    clientId,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                    false)))) {
      tail.assign(partitions(tail, topic, timeout));
      tail.seekToBeginning(tail.assignment());
      Map<TopicPartition, Long> end = tail.endOffsets(tail.assignment(), timeout);
      boolean atEndSeen = false;
      while (loop.running()) {
        for (ConsumerRecord<String, byte[]> record : tail.poll(Duration.ofMillis(500))) {
          sink.accept(record);
        }
        if (!atEndSeen
            && end.entrySet().stream().allMatch(e -> tail.position(e.getKey()) >= e.getValue())) {
          atEndSeen = true;
          atEnd.run();
        }
        loop.reading();
      }
    }
  }

  /**
   * An idempotent producer with {@code acks=all} for a compacted topic, blocking at most {@code
   * timeout}, with {@code overrides}.
   */
  public static Producer<String, byte[]> writer(
      KafkaClients clients, String clientId, Duration timeout, Map<String, Object> overrides) {
    Map<String, Object> settings = new HashMap<>(overrides);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    return clients.producer(settings);
  }

  private static List<TopicPartition> partitions(
      org.apache.kafka.clients.consumer.Consumer<String, byte[]> tail,
      String topic,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<PartitionInfo> infos = tail.partitionsFor(topic, timeout);
    while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline) {
      // just created: its metadata reaches this broker a moment later
      infos = tail.partitionsFor(topic, timeout);
    }
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("the topic " + topic + " has no partitions");
    }
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }
}
