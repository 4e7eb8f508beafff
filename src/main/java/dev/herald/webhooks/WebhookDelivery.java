package dev.herald.webhooks;

import dev.herald.api.CloudEvent;
import dev.herald.config.ConsumerLoop;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.WebhookSettings;
import dev.herald.events.EventDecodingException;
import dev.herald.events.KafkaBinding;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Turns events into deliveries: one consumer in its own group ({@code herald.webhooks.group-id})
 * reads every channel's topic, from the latest offset when the group has none, and writes a {@link
 * PendingDelivery} for every enabled endpoint that wants an event; {@link PendingDeliveries} sends
 * them. The offsets of a poll are committed once its deliveries are stored, so no endpoint, slow or
 * dead, holds this consumer back. An endpoint gets the events stored after it was registered
 * (record timestamp at or after its {@code createdAt}), never older ones.
 *
 * <p>The consumer runs only while some endpoint is enabled, so a server without webhooks does not
 * read every event a second time; it resumes from the group's offsets when one is enabled again,
 * skipping, without decoding them, the events older than every endpoint.
 */
@ApplicationScoped
public class WebhookDelivery {

  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
  private static final Duration BACKOFF = Duration.ofSeconds(5);

  @Inject KafkaClients clients;
  @Inject WebhookSettings settings;
  @Inject EventChannels channels;
  @Inject Endpoints endpoints;
  @Inject EndpointsTopic topic;
  @Inject PendingDeliveries pending;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final Clock clock = Clock.systemUTC();
  private final ConsumerLoop loop =
      new ConsumerLoop("Events are read for webhook delivery", LOG, BACKOFF, true);

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (channels.all().isEmpty()) {
      return;
    }
    loop.start(threads, "herald-webhooks", this::round);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored)
      throws InterruptedException {
    loop.stop(Duration.ofSeconds(30));
  }

  /** Reads while some endpoint is enabled, once the endpoints are read; else waits a second. */
  private void round() throws InterruptedException {
    if (!topic.loaded(Duration.ofSeconds(1))) {
      return; // else endpoints would be missed
    }
    if (endpoints.enabled().isEmpty()) {
      loop.pause(Duration.ofSeconds(1));
    } else {
      consumeWhileSomeEndpointIsEnabled();
    }
  }

  private void consumeWhileSomeEndpointIsEnabled() {
    try (Consumer<String, byte[]> kafka =
        loop.using(clients.consumer(overrides(settings.groupId())))) {
      kafka.subscribe(channels.all().stream().map(EventChannel::topic).toList(), new Pin(kafka));
      while (loop.running() && !endpoints.enabled().isEmpty()) {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<CompletableFuture<?>> stored = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          stored.addAll(deliver(record));
          done.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
        }
        if (!done.isEmpty()) {
          awaitStored(stored);
          kafka.commitSync(done);
        }
        loop.reading();
      }
    }
  }

  /**
   * Writes one record's event as a pending delivery for every endpoint that wants it.
   *
   * @return the writes under way
   */
  List<CompletableFuture<?>> deliver(ConsumerRecord<String, byte[]> record) {
    List<Endpoint> registered =
        endpoints.enabled().stream()
            .filter(
                endpoint ->
                    !Instant.ofEpochMilli(record.timestamp()).isBefore(endpoint.createdAt()))
            .toList();
    if (registered.isEmpty()) {
      return List.of(); // stored before any enabled endpoint was registered
    }
    CloudEvent event;
    try {
      event = KafkaBinding.decode(record.headers(), record.value());
    } catch (EventDecodingException e) {
      LOG.warning(
          "Not delivered to webhooks, not a CloudEvent: "
              + Source.of(record).toString()
              + ": "
              + e.getMessage());
      return List.of();
    }
    WebhookMessage message = null;
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (Endpoint endpoint : registered) {
      if (!endpoint.wants(event)) {
        continue;
      }
      if (message == null) {
        message = WebhookMessage.of(event);
      }
      writes.add(
          pending.add(
              PendingDelivery.first(
                  endpoint.id(),
                  message,
                  event.type(),
                  record.key(),
                  Source.of(record).toString(),
                  clock.instant())));
    }
    return writes;
  }

  /** Waits until the broker stored every delivery of a poll; a failure fails the poll. */
  private static void awaitStored(List<CompletableFuture<?>> stored) {
    try {
      CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new))
          .get(PendingDeliveries.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("storing deliveries failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not store the deliveries in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** What the delivery consumer sets itself, over the connector's settings. */
  static Map<String, Object> overrides(String groupId) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-webhooks");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    return settings;
  }

  /**
   * Commits the position of a newly assigned partition the group has no offset for, so that
   * "latest" means when the group first read it, not whenever a later rebalance happens.
   */
  private static final class Pin implements ConsumerRebalanceListener {
    private final Consumer<String, byte[]> kafka;

    Pin(Consumer<String, byte[]> kafka) {
      this.kafka = kafka;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
      Map<TopicPartition, OffsetAndMetadata> pinned = new HashMap<>();
      for (TopicPartition partition : partitions) {
        if (committed.get(partition) == null) {
          pinned.put(partition, new OffsetAndMetadata(kafka.position(partition)));
        }
      }
      if (!pinned.isEmpty()) {
        kafka.commitSync(pinned);
      }
    }
  }
}
