package dev.herald.webhooks;

import dev.herald.config.CompactedTopics;
import dev.herald.config.ConsumerLoop;
import dev.herald.config.KafkaClients;
import dev.herald.config.ProbeSettings;
import dev.herald.config.WebhookSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;

/**
 * The deliveries not done yet, kept in the compacted pending topic ({@code
 * herald.webhooks.pending-topic}; key {@code endpoint/event}, value a {@link PendingDelivery}, a
 * tombstone once done) and sent by the servers of the sender group ({@code
 * herald.webhooks.sender-group-id}), each the deliveries of the partitions it owns.
 *
 * <p>A delivery's partition follows from its endpoint and order key, so one key's deliveries to one
 * endpoint are sent by one server in the order they were written. The owner of a partition reads it
 * from its start when it gets it (the topic is compacted: what remains is what is pending), keeps
 * its deliveries in a {@link Schedule}, and hands those due to the endpoint's {@link Lanes}; {@link
 * Sending} makes the attempt and writes what follows. A server that stops or crashes leaves its
 * deliveries in the topic, and the next owner sends them: at least once, never lost.
 */
@ApplicationScoped
public class PendingDeliveries {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(PendingDeliveries.class.getName());
  private static final Duration BACKOFF = Duration.ofSeconds(5);
  private static final long MAX_POLL_MS = 500;

  @Inject KafkaClients clients;
  @Inject WebhookSettings settings;
  @Inject ProbeSettings probe;
  @Inject Endpoints endpoints;
  @Inject EndpointsTopic endpointsTopic;
  @Inject Sending sending;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final Clock clock = Clock.systemUTC();
  private final Schedule schedule = new Schedule();
  private final ConsumerLoop loop =
      new ConsumerLoop("The pending webhook deliveries are read", LOG, BACKOFF, true);
  private Producer<String, byte[]> producer;
  private int partitions;
  private Lanes lanes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    lanes = new Lanes(settings.concurrency(), settings.queueCapacity(), sending.executor());
    loop.start(
        threads,
        "herald-webhook-sender",
        () -> {
          ensureTopic();
          follow();
        });
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored)
      throws InterruptedException {
    loop.stop(Duration.ofSeconds(10));
    sending.stop();
    synchronized (this) {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
      }
    }
  }

  /**
   * Writes a new delivery; the stage completes once the broker stored it. Its owner sends it when
   * it reads it.
   */
  CompletableFuture<RecordMetadata> add(PendingDelivery delivery) {
    CompletableFuture<RecordMetadata> stored = new CompletableFuture<>();
    producer()
        .send(
            record(delivery.key(), delivery, delivery),
            (metadata, error) -> {
              if (error != null) {
                stored.completeExceptionally(error);
              } else {
                stored.complete(metadata);
              }
            });
    return stored;
  }

  /** Rewrites a delivery after a failed attempt, waiting until it is stored. */
  void update(PendingDelivery delivery) {
    RecordMetadata stored = write(record(delivery.key(), delivery, delivery), delivery.key());
    synchronized (schedule) {
      schedule.apply(delivery.key(), delivery, stored.partition(), stored.offset());
    }
  }

  /** Ends a delivery (a tombstone), waiting until it is stored. */
  void remove(PendingDelivery delivery) {
    RecordMetadata stored = write(record(delivery.key(), null, delivery), delivery.key());
    synchronized (schedule) {
      schedule.apply(delivery.key(), null, stored.partition(), stored.offset());
    }
  }

  /** Deliveries not done yet on the partitions this server owns: for metrics. */
  public int pending() {
    synchronized (schedule) {
      return schedule.pending();
    }
  }

  /** Why the pending deliveries cannot be read now; empty while they can. */
  public Optional<String> failure() {
    return loop.failure();
  }

  private ProducerRecord<String, byte[]> record(
      String key, PendingDelivery value, PendingDelivery delivery) {
    return new ProducerRecord<>(
        settings.pendingTopic(), partition(delivery), key, value == null ? null : value.toJson());
  }

  /** One endpoint's deliveries of one key share a partition, so they are sent in order. */
  private int partition(PendingDelivery delivery) {
    String lane = delivery.endpointId() + "\n" + delivery.orderKey();
    return Utils.toPositive(Utils.murmur2(lane.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        % partitions();
  }

  private synchronized int partitions() {
    if (partitions == 0) {
      partitions = producer().partitionsFor(settings.pendingTopic()).size();
    }
    return partitions;
  }

  private RecordMetadata write(ProducerRecord<String, byte[]> record, String key) {
    try {
      return producer().send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new WebhooksUnavailableException(
          "writing delivery " + key + " to " + settings.pendingTopic() + " failed: " + e.getCause(),
          e);
    } catch (TimeoutException e) {
      throw new WebhooksUnavailableException(
          "Kafka did not store delivery " + key + " in " + settings.pendingTopic() + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhooksUnavailableException("writing delivery " + key + " was interrupted", e);
    }
  }

  private synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          CompactedTopics.writer(
              clients,
              "herald-webhook-deliveries",
              TIMEOUT,
              Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
    }
    return producer;
  }

  private void ensureTopic() {
    CompactedTopics.ensure(
        clients,
        probe,
        settings.pendingTopic(),
        "pending webhook deliveries",
        // short segments, so that compaction soon drops finished deliveries and a new owner reads
        // little more than what is pending
        Map.of(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())),
        "herald-webhooks-admin",
        TIMEOUT);
  }

  private void follow() throws InterruptedException {
    try (Consumer<String, byte[]> owner =
        loop.using(
            clients.consumer(
                Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG,
                    settings.senderGroupId(),
                    ConsumerConfig.CLIENT_ID_CONFIG,
                    "herald-webhook-sender",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                    false)))) {
      owner.subscribe(List.of(settings.pendingTopic()), new Ownership(owner));
      while (loop.running()) {
        for (ConsumerRecord<String, byte[]> record : owner.poll(pollTimeout())) {
          apply(record);
        }
        loop.reading();
        if (endpointsTopic.loaded(Duration.ZERO)) { // else an endpoint may look deleted
          dispatch(clock.instant());
        }
      }
    } finally {
      synchronized (schedule) {
        schedule.clear();
      }
    }
  }

  private Duration pollTimeout() {
    Instant next;
    synchronized (schedule) {
      next = schedule.next();
    }
    long wait = next == null ? MAX_POLL_MS : Duration.between(clock.instant(), next).toMillis();
    return Duration.ofMillis(Math.max(0, Math.min(MAX_POLL_MS, wait)));
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    PendingDelivery delivery =
        record.value() == null ? null : PendingDelivery.fromJson(record.value());
    if (record.value() != null && delivery == null) {
      LOG.warning(
          "Skipped a record of "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + " that is not a pending delivery");
      return;
    }
    synchronized (schedule) {
      schedule.apply(record.key(), delivery, record.partition(), record.offset());
    }
  }

  /**
   * Hands the due deliveries to their endpoints' lanes, in order; an endpoint whose lanes are full
   * gets none more in this round, so that none overtakes another.
   */
  private void dispatch(Instant now) {
    List<PendingDelivery> due;
    synchronized (schedule) {
      due = schedule.due(now);
      due.forEach(delivery -> schedule.started(delivery.key()));
    }
    Set<String> full = new HashSet<>();
    for (PendingDelivery delivery : due) {
      boolean queued =
          !full.contains(delivery.endpointId())
              && lanes.offer(delivery.endpointId(), delivery.orderKey(), () -> attempt(delivery));
      if (!queued) {
        full.add(delivery.endpointId());
        finished(delivery);
      }
    }
  }

  private void attempt(PendingDelivery delivery) {
    try {
      Optional<Endpoint> endpoint = endpoints.current(delivery.endpointId());
      sending.attempt(delivery, endpoint.orElse(null), this);
    } catch (RuntimeException e) {
      // the result could not be stored: the delivery stays due and is attempted again later
      LOG.warning("Delivery " + delivery.key() + " will be attempted again: " + e);
      synchronized (schedule) {
        schedule.postpone(delivery.key(), clock.instant().plus(BACKOFF));
      }
    } finally {
      finished(delivery);
    }
  }

  private void finished(PendingDelivery delivery) {
    synchronized (schedule) {
      schedule.finished(delivery.key());
    }
  }

  /** Reads a partition from its start when this server gets it, forgets it when it goes. */
  private final class Ownership implements ConsumerRebalanceListener {
    private final Consumer<String, byte[]> owner;

    Ownership(Consumer<String, byte[]> owner) {
      this.owner = owner;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      owner.seekToBeginning(assigned);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      forget(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      forget(lost);
    }

    private void forget(Collection<TopicPartition> gone) {
      synchronized (schedule) {
        schedule.drop(gone.stream().map(TopicPartition::partition).toList());
      }
    }
  }
}
