package dev.herald.deadletters;

import dev.herald.config.DeadLetterSettings;
import dev.herald.config.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka clients of the dead-letter operations: one admin client and one producer, created on
 * first use and closed when the application stops, and a short-lived consumer per operation that
 * reads by {@code assign()} (never in a group, never committing).
 */
@ApplicationScoped
public class DeadLetterKafka {

  @Inject KafkaClients clients;
  @Inject DeadLetterSettings settings;

  private Admin admin;
  private Producer<String, byte[]> producer;

  /** A new consumer for one operation; the caller closes it. */
  public Consumer<String, byte[]> consumer() {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-dead-letters");
    overrides.put(ConsumerConfig.GROUP_ID_CONFIG, null);
    overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // A purge or the retention may remove what a reader seeks to: go on from the log start.
    overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    overrides.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
    overrides.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
    return clients.consumer(overrides);
  }

  public synchronized Admin admin() {
    if (admin == null) {
      Map<String, Object> overrides = new HashMap<>();
      overrides.put(AdminClientConfig.CLIENT_ID_CONFIG, "herald-dead-letters");
      overrides.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
      overrides.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
      admin = clients.admin(overrides);
    }
    return admin;
  }

  /** An idempotent producer with {@code acks=all}, for redriven records and redrive marks. */
  public synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> overrides = new HashMap<>();
      overrides.put(ProducerConfig.CLIENT_ID_CONFIG, "herald-dead-letters");
      overrides.put(ProducerConfig.ACKS_CONFIG, "all");
      overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout().toMillis());
      // Kafka refuses a delivery timeout below linger.ms + request.timeout.ms (30 s by default).
      overrides.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
      overrides.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      producer = clients.producer(overrides);
    }
    return producer;
  }

  public Duration timeout() {
    return settings.timeout();
  }

  /** The partitions of a topic; empty when it does not exist. */
  public List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout());
    return infos == null
        ? List.of()
        : infos.stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .sorted(BY_PARTITION)
            .toList();
  }

  private static final java.util.Comparator<TopicPartition> BY_PARTITION =
      java.util.Comparator.comparing(TopicPartition::topic)
          .thenComparingInt(TopicPartition::partition);

  /**
   * Runs a call of Kafka clients, turning a Kafka failure (a timeout, a lost broker) into one kind.
   */
  public <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KafkaException e) {
      throw new DeadLetterException.Unavailable(what + " failed: " + messages(e), e);
    }
  }

  /**
   * A Kafka error's message with its causes' ("Failed to construct kafka producer" says little).
   */
  private static String messages(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  /** Waits for a Kafka future within the operations' timeout, turning failures into one kind. */
  public <T> T await(Future<T> future, String what) {
    try {
      return future.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterException.Unavailable(what + " was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DeadLetterException.Unavailable(what + " failed: " + messages(cause), cause);
    } catch (TimeoutException e) {
      throw new DeadLetterException.Unavailable(
          what
              + " got no answer from Kafka within "
              + timeout().toMillis()
              + " ms ("
              + dev.herald.config.DeadLetterSettings.TIMEOUT_MS.key()
              + ")",
          e);
    }
  }

  @PreDestroy
  synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
