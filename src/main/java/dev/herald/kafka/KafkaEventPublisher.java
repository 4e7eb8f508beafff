package dev.herald.kafka;

import static dev.herald.api.CloudEventAttributes.PARTITIONKEY;
import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;

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
import dev.herald.config.PublishSettings;
import dev.herald.events.KafkaBinding;
import dev.herald.routing.EventMonitor;
import dev.herald.schemas.EventSchema;
import dev.herald.schemas.EventValidator;
import dev.herald.schemas.SchemaCatalog;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes events to the topic of their type in CloudEvents binary mode, keyed by tenant so that
 * one tenant's events stay in order. Every event is validated before anything is sent; a publish
 * completes only once the broker acknowledged the record ({@code acks=all}), with the partition and
 * offset it got. An event without {@code schemaversion} is stamped with the version its {@code
 * dataschema} names, else its type's latest version.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

  /** One producer serves every type: the topic is chosen per record. */
  static final String CHANNEL = "herald-publisher";

  @Inject
  @Channel(CHANNEL)
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
  MutinyEmitter<byte[]> emitter;

  @Inject EventChannels channels;
  @Inject SchemaCatalog catalog;
  @Inject EventValidator validator;
  @Inject EventMonitor monitor;

  @Inject PublishSettings settings;

  /** Sends one event; fails with {@link InvalidEventException} (nothing sent) if it is invalid. */
  @Override
  public CompletionStage<PublishReceipt> publish(CloudEvent event) {
    CloudEvent stamped = stamp(event);
    List<Violation> violations = validator.validate(stamped);
    if (!violations.isEmpty()) {
      return CompletableFuture.failedFuture(new InvalidEventException(stamped.id(), violations));
    }
    return send(stamped).subscribeAsCompletionStage();
  }

  /**
   * Sends a batch when every event is valid, and nothing otherwise. Each event's result says where
   * it was stored, why it is invalid, or why the broker did not store it.
   */
  @Override
  public CompletionStage<BatchReceipt> publishBatch(List<CloudEvent> events) {
    List<CloudEvent> stamped = events.stream().map(this::stamp).toList();
    List<List<Violation>> violations = stamped.stream().map(validator::validate).toList();
    if (violations.stream().anyMatch(list -> !list.isEmpty())) {
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
    List<Uni<PublishResult>> sends =
        stamped.stream()
            .map(
                event ->
                    send(event)
                        .map(PublishResult::stored)
                        .onFailure()
                        .recoverWithItem(e -> PublishResult.notStored(event, message(e))))
            .toList();
    return Uni.join()
        .all(sends)
        .andFailFast()
        .map(results -> new BatchReceipt(true, results))
        .subscribeAsCompletionStage();
  }

  /**
   * The event with its {@code schemaversion} written out, so that its record names its version: the
   * version its {@code dataschema} names, else the latest. An event with a {@code schemaversion},
   * or a {@code dataschema} naming no known version (which validation then reports), is left as it
   * is.
   */
  CloudEvent stamp(CloudEvent event) {
    if (event.schemaversion() != null) {
      return event;
    }
    Optional<Integer> version =
        event.dataschema() != null
            ? validator.namedVersion(event)
            : catalog.latest(event.type()).map(EventSchema::version);
    return version
        .map(v -> event.toBuilder().extension(SCHEMAVERSION, v.toString()).build())
        .orElse(event);
  }

  private Uni<PublishReceipt> send(CloudEvent event) {
    EventChannel channel =
        channels
            .forType(event.type())
            .orElseThrow(() -> new IllegalStateException("validated type has no channel"));
    OutgoingMessageMetadata<RecordMetadata> sent = new OutgoingMessageMetadata<>();
    Message<byte[]> message =
        Message.of(KafkaBinding.value(event))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(channel.topic())
                    .withKey(key(event, channel))
                    .withHeaders(KafkaBinding.headers(event))
                    .build())
            .addMetadata(sent);
    return emitter
        .sendMessage(message)
        .ifNoItem()
        .after(settings.timeout())
        .failWith(
            () ->
                new PublishFailedException(
                    "Kafka did not acknowledge event "
                        + event.id()
                        + " within "
                        + settings.timeout().toMillis()
                        + " ms ("
                        + PublishSettings.TIMEOUT_MS.key()
                        + "); is the broker reachable?"))
        .map(
            done -> {
              RecordMetadata stored = sent.getResult();
              monitor.published(event.type());
              return new PublishReceipt(
                  event.id(), event.type(), stored.topic(), stored.partition(), stored.offset());
            });
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
