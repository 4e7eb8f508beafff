package dev.herald.webhooks;

import dev.herald.api.CloudEvent;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.events.EventDecodingException;
import dev.herald.events.KafkaBinding;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Delivers stored events to an endpoint again, read back from their topics: one delivery of its
 * log, now ({@link #retry}), or every event it wants stored since a time ({@link #recover}), as new
 * pending deliveries. Both are at least once: the subscriber may have some of them already and
 * drops them by {@code webhook-id}.
 */
@ApplicationScoped
public class Redelivery {

  private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());
  private static final Duration TIMEOUT = PendingDeliveries.TIMEOUT;

  @Inject KafkaClients clients;
  @Inject EventChannels channels;
  @Inject Endpoints endpoints;
  @Inject Deliveries deliveries;
  @Inject PendingDeliveries pending;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final Clock clock = Clock.systemUTC();

  /** What a recovery reads: each partition from the first event at its start time to its end. */
  public record Recovery(String endpointId, Instant since, Map<String, Long> events) {}

  /**
   * Delivers an event of the endpoint's deliveries log again, now, as a new delivery (its attempts
   * start again; a retry still waiting is replaced).
   *
   * @return the delivery written; empty when the endpoint or the event is not in this server's log
   * @throws WebhooksUnavailableException when Kafka does not answer
   */
  public Optional<PendingDelivery> retry(String endpointId, String eventId) {
    Optional<Endpoint> endpoint = endpoints.find(endpointId);
    Optional<Delivery> logged =
        deliveries.recent(endpointId).stream()
            .filter(delivery -> delivery.eventId().equals(eventId) && delivery.source() != null)
            .findFirst();
    if (endpoint.isEmpty() || logged.isEmpty()) {
      return Optional.empty();
    }
    Source source = Source.parse(logged.get().source());
    try (Consumer<String, byte[]> reader = clients.consumer(readerSettings())) {
      reader.assign(List.of(source.partition()));
      reader.seek(source.partition(), source.offset());
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
          if (record.offset() == source.offset()) {
            CloudEvent event;
            try {
              event = decode(record);
            } catch (EventDecodingException e) {
              return Optional.empty(); // not a CloudEvent (any more): nothing to deliver
            }
            PendingDelivery delivery = delivery(endpointId, event, record);
            await(List.of(pending.add(delivery)));
            return Optional.of(delivery);
          }
          if (record.offset() > source.offset()) {
            return Optional.empty(); // gone: deleted by retention or compaction
          }
        }
      }
    }
    throw new WebhooksUnavailableException(
        "Kafka did not return " + logged.get().source() + " in time", null);
  }

  /**
   * Enables the endpoint and delivers again, in the background, every event it wants that was
   * stored at or after {@code since} (up to the end of each topic now).
   *
   * @return what is read; empty for an unknown endpoint
   */
  public Optional<Recovery> recover(String endpointId, Instant since) {
    Optional<Endpoint> enabled;
    try {
      enabled = endpoints.change(endpointId, new EndpointChange(null, null, false, null, true));
    } catch (EndpointRefusedException e) {
      throw new IllegalStateException("no URL was changed", e);
    }
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    Endpoint endpoint = enabled.get();
    Consumer<String, byte[]> reader = clients.consumer(readerSettings());
    try {
      Map<TopicPartition, Long> from = new HashMap<>();
      Map<TopicPartition, Long> to = range(reader, endpoint, since, from);
      Map<String, Long> events = new HashMap<>();
      to.forEach(
          (partition, end) ->
              events.merge(partition.topic(), end - from.get(partition), Long::sum));
      executor.execute(() -> readAll(reader, endpoint, from, to));
      return Optional.of(new Recovery(endpointId, since, events));
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The partitions of the topics the endpoint wants: from {@code since} to their end now. */
  private Map<TopicPartition, Long> range(
      Consumer<String, byte[]> reader,
      Endpoint endpoint,
      Instant since,
      Map<TopicPartition, Long> from) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (EventChannel channel : channels.all()) {
      if (endpoint.types().stream().noneMatch(pattern -> pattern.matches(channel.type()))) {
        continue;
      }
      List<PartitionInfo> infos = reader.partitionsFor(channel.topic(), TIMEOUT);
      if (infos != null) {
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      }
    }
    Map<TopicPartition, Long> end = reader.endOffsets(partitions, TIMEOUT);
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = reader.offsetsForTimes(times, TIMEOUT);
    Map<TopicPartition, Long> to = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp first = found.get(partition);
      long start = first == null ? end.get(partition) : first.offset();
      if (start < end.get(partition)) {
        from.put(partition, start);
        to.put(partition, end.get(partition));
      }
    }
    return to;
  }

  private void readAll(
      Consumer<String, byte[]> reader,
      Endpoint endpoint,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> to) {
    long written = 0;
    try (reader) {
      reader.assign(to.keySet());
      from.forEach(reader::seek);
      while (to.keySet().stream()
          .anyMatch(partition -> reader.position(partition) < to.get(partition))) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= to.get(partition)) {
            continue;
          }
          CloudEvent event;
          try {
            event = decode(record);
          } catch (EventDecodingException e) {
            continue;
          }
          if (endpoint.wants(event)) {
            writes.add(pending.add(delivery(endpoint.id(), event, record)));
          }
        }
        await(writes);
        written += writes.size();
        to.keySet().stream()
            .filter(partition -> reader.position(partition) >= to.get(partition))
            .toList()
            .forEach(done -> reader.pause(List.of(done)));
      }
      LOG.info("Recovery of endpoint " + endpoint.id() + " delivers " + written + " events again");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Recovery of endpoint "
              + endpoint.id()
              + " stopped after "
              + written
              + " events; ask for it again",
          e);
    }
  }

  private PendingDelivery delivery(
      String endpointId, CloudEvent event, ConsumerRecord<String, byte[]> record) {
    return PendingDelivery.first(
        endpointId,
        WebhookMessage.of(event),
        event.type(),
        record.key(),
        Source.of(record).toString(),
        clock.instant());
  }

  private static CloudEvent decode(ConsumerRecord<String, byte[]> record)
      throws EventDecodingException {
    return KafkaBinding.decode(record.headers(), record.value());
  }

  private static Map<String, Object> readerSettings() {
    return Map.of(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "herald-webhook-redelivery",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest");
  }

  private static void await(List<CompletableFuture<?>> writes) {
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new WebhooksUnavailableException("storing deliveries failed: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new WebhooksUnavailableException("Kafka did not store the deliveries in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhooksUnavailableException("storing deliveries was interrupted", e);
    }
  }
}
