package dev.herald.retry;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventOutcome;
import dev.herald.config.ConsumerLoop;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.RetrySettings;
import dev.herald.retry.RetryHeaders.Origin;
import dev.herald.routing.ChannelPauses;
import dev.herald.routing.EventManager;
import dev.herald.routing.EventMonitor;
import dev.herald.routing.EventReader;
import dev.herald.routing.EventRejectedException;
import dev.herald.routing.HandlingFailedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes every retry topic on one thread: a record waits, its partition paused, until it is due;
 * then its handlers are called again (those that already completed it are skipped by the
 * idempotency store), and it goes to the next stage or the dead-letter topic if they still fail.
 * Its offset is committed only once it was handled, forwarded or dead-lettered. When the broker
 * refuses the consumer (a wrong password, a missing ACL), it tries again with a new one every few
 * seconds, so that a fix at the broker (the user's password, an ACL) needs no restart of Herald;
 * readiness says why meanwhile.
 */
@ApplicationScoped
public class RetryTopicConsumer {

  private static final Logger LOG = Logger.getLogger(RetryTopicConsumer.class.getName());
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(40);
  private static final long BROKER_BACKOFF_MS = 1000;

  /** How long to wait before a new consumer after the broker refused the login or an access. */
  private static final long REFUSED_BACKOFF_MS = 5000;

  /** How often a due record of a paused channel checks whether the channel was resumed. */
  private static final long PAUSED_RECHECK_MS = 500;

  @Inject KafkaClients clients;
  @Inject RetrySettings settings;
  @Inject RetryTopics topics;
  @Inject EventChannels channels;
  @Inject EventReader reader;
  @Inject EventManager manager;
  @Inject RetryTopicWriter writer;
  @Inject EventMonitor monitor;
  @Inject ChannelPauses pauses;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();

  /**
   * Kafka's refusals (a password, an ACL) are fixed at the broker without a restart of Herald: a
   * new consumer tries again, from the committed offsets. Anything else ends the loop.
   */
  private final ConsumerLoop loop =
      new ConsumerLoop(
          "Retry topics are consumed", LOG, Duration.ofMillis(REFUSED_BACKOFF_MS), false);

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (topics.all().isEmpty()) {
      return;
    }
    loop.start(threads, "herald-retry-topics", this::consumeUntilStopped);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored)
      throws InterruptedException {
    loop.stop(Duration.ofSeconds(30));
  }

  /** Why the retry topics are not consumed, or empty while they are (or there are none). */
  public Optional<String> failure() {
    return loop.failure();
  }

  public boolean active() {
    return loop.running() && loop.failure().isEmpty();
  }

  private void consumeUntilStopped() {
    pausedUntil.clear(); // a new consumer starts from the committed offsets
    try (Consumer<String, byte[]> kafka =
        loop.using(clients.consumer(overrides(settings.groupId())))) {
      kafka.subscribe(topics.all().stream().map(RetryTopic::topic).toList(), new Rebalance());
      while (loop.running()) {
        resumeDue(kafka);
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(250));
        loop.reading();
        for (TopicPartition partition : records.partitions()) {
          consume(kafka, partition, records.records(partition));
        }
      }
    }
  }

  private void consume(
      Consumer<String, byte[]> kafka,
      TopicPartition partition,
      List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> record : records) {
      long due = RetryHeaders.due(record.headers());
      long now = System.currentTimeMillis();
      if (!loop.running()) {
        kafka.seek(partition, record.offset());
        return;
      }
      if (due > now) {
        waitUntil(kafka, partition, record, due);
        return;
      }
      if (pauses.isPaused(topics.forTopic(record.topic()).orElseThrow().channel())) {
        waitUntil(kafka, partition, record, now + PAUSED_RECHECK_MS);
        return;
      }
      if (!handle(record)) {
        // Could not be finished (stop, broker unavailable): read it again a little later.
        waitUntil(kafka, partition, record, System.currentTimeMillis() + BROKER_BACKOFF_MS);
        return;
      }
      kafka.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
    }
  }

  private void waitUntil(
      Consumer<String, byte[]> kafka,
      TopicPartition partition,
      ConsumerRecord<String, byte[]> record,
      long until) {
    kafka.seek(partition, record.offset());
    kafka.pause(List.of(partition));
    pausedUntil.put(partition, until);
  }

  private void resumeDue(Consumer<String, byte[]> kafka) {
    long now = System.currentTimeMillis();
    List<TopicPartition> due =
        pausedUntil.entrySet().stream()
            .filter(e -> e.getValue() <= now)
            .map(Map.Entry::getKey)
            .toList();
    if (!due.isEmpty()) {
      due.forEach(pausedUntil::remove);
      kafka.resume(due.stream().filter(kafka.assignment()::contains).toList());
    }
  }

  /** Handles a due record; false when it must be read again (stopping, or the broker failed). */
  boolean handle(ConsumerRecord<String, byte[]> record) {
    RetryTopic stage = topics.forTopic(record.topic()).orElseThrow();
    Origin origin =
        Origin.of(record.headers(), record.topic(), record.partition(), record.offset());
    ProducerRecord<String, byte[]> next;
    try {
      CloudEvent event = reader.read(stage.channel(), record.headers(), record.value());
      EventOutcome outcome = manager.dispatch(stage.channel(), event).toCompletableFuture().get();
      if (outcome.succeeded()) {
        return true;
      }
      if (manager.stopping()) {
        return false;
      }
      next = afterFailure(record, stage, origin, outcome);
    } catch (EventRejectedException e) {
      next = deadLetter(record, stage, origin, e, "rejected", null);
    } catch (ExecutionException e) {
      if (manager.interruptedByStop(e)) {
        return false;
      }
      next = deadLetter(record, stage, origin, e.getCause(), "error", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      writer.send(next).toCompletableFuture().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning(
          "Cannot write to " + next.topic() + ", will read " + record.topic() + " again: " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ProducerRecord<String, byte[]> afterFailure(
      ConsumerRecord<String, byte[]> record,
      RetryTopic stage,
      Origin origin,
      EventOutcome outcome) {
    Optional<RetryTopic> later = outcome.retryDue() ? topics.next(stage) : Optional.empty();
    if (later.isPresent()) {
      monitor.retried(stage.channel(), later.get().topic());
      return new ProducerRecord<>(
          later.get().topic(),
          null,
          record.key(),
          record.value(),
          RetryHeaders.forRetry(record.headers(), origin, later.get(), outcome, Instant.now()));
    }
    return deadLetter(
        record, stage, origin, new HandlingFailedException(outcome), "failed", outcome);
  }

  private ProducerRecord<String, byte[]> deadLetter(
      ConsumerRecord<String, byte[]> record,
      RetryTopic stage,
      Origin origin,
      Throwable reason,
      String kind,
      EventOutcome outcome) {
    monitor.deadLettered(stage.channel(), kind);
    String topic = channels.forChannel(stage.channel()).orElseThrow().deadLetterTopic();
    return new ProducerRecord<>(
        topic,
        null,
        record.key(),
        record.value(),
        RetryHeaders.forDeadLetter(record.headers(), origin, reason, kind, outcome));
  }

  /** What the retry consumer sets itself, over the connector's settings. */
  public static Map<String, Object> overrides(String groupId) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-retry-topics");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    // retry topics may be created after the subscription: find them within seconds
    settings.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
    return settings;
  }

  /** Forgets the waits of partitions this consumer no longer owns. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(pausedUntil::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // a newly assigned partition is read from its committed offset
    }
  }
}
