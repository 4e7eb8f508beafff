package dev.herald.kafka;

import static dev.herald.api.CloudEventAttributes.PARTITIONKEY;

import dev.herald.api.BatchReceipt;
import dev.herald.api.CloudEvent;
import dev.herald.api.EventPublisher;
import dev.herald.api.InvalidEventException;
import dev.herald.api.PublishFailedException;
import dev.herald.api.PublishReceipt;
import dev.herald.api.PublishResult;
import dev.herald.api.Violation;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.PublishSettings;
import dev.herald.config.RenewingProducer;
import dev.herald.events.KafkaBinding;
import dev.herald.routing.EventMonitor;
import dev.herald.schemas.EventValidator;
import dev.herald.tracing.Sending;
import dev.herald.tracing.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Publishes events to the topic of their type in CloudEvents binary mode, keyed by tenant so that
 * one tenant's events stay in order. Every event is validated before anything is sent; a publish
 * completes only once the broker acknowledged the record ({@code acks=all}), with the partition and
 * offset it got. An event without {@code schemaversion} is stamped with the version its {@code
 * dataschema} names, else its type's latest version.
 *
 * <p>One Kafka producer (a new one after a failed login, see {@link RenewingProducer}) sends every
 * event, straight from the caller's thread: nothing waits in a queue of Herald's and no timer is
 * armed per event; the producer's {@code delivery.timeout.ms} bounds how long a publish waits for
 * the broker. Stages complete on the producer's I/O thread, so what a caller chains to them must
 * not block. The monitor learns how long each sent event took from the publish call to the broker's
 * answer ({@link EventMonitor#publishEnded}): one {@code System.nanoTime()} per call, no timer.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

  @Inject EventChannels channels;
  @Inject EventValidator validator;
  @Inject EventMonitor monitor;
  @Inject KafkaClients clients;
  @Inject Tracing tracing;

  RenewingProducer producers;
  private RecordSize recordSize = new RecordSize(RecordSize.DEFAULT_MAX_BYTES);

  @PostConstruct
  void open() {
    producers =
        new RenewingProducer(
            () ->
                clients.producer(
                    PublishSettings.KAFKA_PREFIX,
                    Map.of(ProducerConfig.CLIENT_ID_CONFIG, "herald-publisher")));
    producers.get();
    recordSize = RecordSize.of(clients.producerSettings(PublishSettings.KAFKA_PREFIX, Map.of()));
  }

  /** Sends what is buffered, then closes: a stop loses no acknowledged publish. */
  @PreDestroy
  void close() {
    producers.close(Duration.ofSeconds(10));
  }

  /** Sends one event; fails with {@link InvalidEventException} (nothing sent) if it is invalid. */
  @Override
  public CompletionStage<PublishReceipt> publish(CloudEvent event) {
    long start = System.nanoTime();
    CloudEvent stamped = stamp(event);
    List<Violation> violations = validator.validate(stamped);
    if (!violations.isEmpty()) {
      return CompletableFuture.failedFuture(new InvalidEventException(stamped.id(), violations));
    }
    Sending span = tracing.sending(channelOf(stamped).topic(), List.of(stamped));
    CloudEvent traced = span.stamp(stamped);
    ProducerRecord<String, byte[]> record = record(traced);
    Optional<Violation> tooLarge = recordSize.check(record);
    if (tooLarge.isPresent()) {
      InvalidEventException invalid =
          new InvalidEventException(stamped.id(), List.of(tooLarge.get()));
      span.end(invalid);
      return CompletableFuture.failedFuture(invalid);
    }
    span.inject(record.headers());
    CompletableFuture<PublishReceipt> sent = send(traced, record, start);
    sent.whenComplete((stored, error) -> span.end(error));
    return sent;
  }

  /**
   * Sends a batch when every event is valid, and nothing otherwise. Each event's result says where
   * it was stored, why it is invalid, or why the broker did not store it.
   */
  @Override
  public CompletionStage<BatchReceipt> publishBatch(List<CloudEvent> events) {
    long start = System.nanoTime();
    List<CloudEvent> stamped = events.stream().map(this::stamp).toList();
    List<List<Violation>> violations = stamped.stream().map(validator::validate).toList();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    Sending span = null;
    if (violations.stream().allMatch(List::isEmpty) && !stamped.isEmpty()) {
      span = tracing.sending(topicsOf(stamped), stamped);
      stamped = stamped.stream().map(span::stamp).toList();
      stamped.forEach(event -> records.add(record(event)));
      violations =
          records.stream().map(r -> recordSize.check(r).map(List::of).orElse(List.of())).toList();
    }
    if (violations.stream().anyMatch(list -> !list.isEmpty())) {
      if (span != null) {
        span.end(new InvalidEventException(stamped.get(0).id(), List.of()));
      }
      List<PublishResult> results = new ArrayList<>();
      for (int i = 0; i < stamped.size(); i++) {
        results.add(
            violations.get(i).isEmpty()
                ? PublishResult.notStored(
                    stamped.get(i), "not sent: another event of the batch is invalid")
                : PublishResult.invalid(stamped.get(i), violations.get(i)));
      }
      return CompletableFuture.completedFuture(new BatchReceipt(false, results));
    }
    if (stamped.isEmpty()) {
      return CompletableFuture.completedFuture(new BatchReceipt(true, List.of()));
    }
    Sending batchSpan = span;
    records.forEach(record -> batchSpan.inject(record.headers()));
    PublishResult[] results = new PublishResult[stamped.size()];
    AtomicInteger pending = new AtomicInteger(stamped.size());
    CompletableFuture<BatchReceipt> receipt = new CompletableFuture<>();
    receipt.whenComplete(
        (done, error) ->
            batchSpan.end(
                done != null && done.allStored()
                    ? null
                    : new PublishFailedException("not every event of the batch was stored", null)));
    Throwable refused = null;
    for (int i = 0; i < stamped.size(); i++) {
      int index = i;
      CloudEvent event = stamped.get(i);
      CompletableFuture<PublishReceipt> sent;
      if (refused == null) {
        sent = send(event, records.get(i), start);
      } else {
        sent = CompletableFuture.failedFuture(refused);
        ended(event, false, start);
      }
      if (refused == null && sent.isCompletedExceptionally()) {
        // The producer refused a send at once (no metadata or buffer space within max.block.ms):
        // the rest of the batch would wait as long each, so it is refused with the same reason.
        refused = sent.handle((ignored, error) -> error).join();
      }
      sent.whenComplete(
          (stored, error) -> {
            results[index] =
                error == null
                    ? PublishResult.stored(stored)
                    : PublishResult.notStored(event, message(error));
            if (pending.decrementAndGet() == 0) {
              receipt.complete(new BatchReceipt(true, List.of(results)));
            }
          });
    }
    return receipt;
  }

  @Override
  public void flush() {
    producers.get().flush();
  }

  /** The event with its {@code schemaversion} written out ({@link EventValidator#stamp}). */
  CloudEvent stamp(CloudEvent event) {
    return validator.stamp(event);
  }

  private EventChannel channelOf(CloudEvent event) {
    return channels
        .forType(event.type())
        .orElseThrow(() -> new IllegalStateException("validated type has no channel"));
  }

  /** The topic of a batch's events, or their topics joined when they go to several. */
  private String topicsOf(List<CloudEvent> events) {
    return events.stream()
        .map(event -> channelOf(event).topic())
        .distinct()
        .collect(Collectors.joining(","));
  }

  private ProducerRecord<String, byte[]> record(CloudEvent event) {
    EventChannel channel = channelOf(event);
    return new ProducerRecord<>(
        channel.topic(),
        null,
        key(event, channel),
        KafkaBinding.value(event),
        KafkaBinding.headers(event));
  }

  /** Sends a valid event's record; {@code start} is the publish call's {@code nanoTime}. */
  private CompletableFuture<PublishReceipt> send(
      CloudEvent event, ProducerRecord<String, byte[]> record, long start) {
    CompletableFuture<PublishReceipt> sent = new CompletableFuture<>();
    try {
      Producer<String, byte[]> producer = producers.get();
      producer.send(
          record,
          (stored, error) -> {
            ended(event, error == null, start);
            if (error instanceof RecordTooLargeException) {
              // the broker's limit (message.max.bytes) is below the producer's
              sent.completeExceptionally(
                  new InvalidEventException(event.id(), List.of(RecordSize.refusedByBroker())));
              return;
            }
            if (error != null) {
              sent.completeExceptionally(failure(event, error));
              return;
            }
            monitor.published(event.type());
            sent.complete(
                new PublishReceipt(
                    event.id(), event.type(), stored.topic(), stored.partition(), stored.offset()));
          });
    } catch (RuntimeException e) {
      ended(event, false, start);
      sent.completeExceptionally(failure(event, e));
    }
    return sent;
  }

  private void ended(CloudEvent event, boolean stored, long start) {
    monitor.publishEnded(event.type(), stored, Duration.ofNanos(System.nanoTime() - start));
  }

  private static PublishFailedException failure(CloudEvent event, Throwable error) {
    String why =
        error instanceof TimeoutException
            ? "not acknowledged in time ("
                + PublishSettings.KAFKA_PREFIX
                + "delivery.timeout.ms"
                + " bounds the wait, max.block.ms a send); is the broker reachable? "
            : "";
    return new PublishFailedException(
        "Kafka did not store event " + event.id() + ": " + why + message(error), error);
  }

  /**
   * The record key: the CloudEvents {@code partitionkey} extension when the event has one, else the
   * channel's key attribute (the tenant by default).
   */
  static String key(CloudEvent event, EventChannel channel) {
    String partitionKey = event.extension(PARTITIONKEY);
    return partitionKey != null ? partitionKey : event.attribute(channel.keyAttribute());
  }

  private static String message(Throwable error) {
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }
}
