package dev.herald.events;

import dev.herald.channels.EventChannel;
import dev.herald.channels.EventChannels;
import dev.herald.metrics.HeraldMetrics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes events to the topic of their type in CloudEvents binary mode, keyed by tenant so that
 * one tenant's events stay in order. A publish completes only once the broker acknowledged the
 * record ({@code acks=all}), with the partition and offset it got.
 */
@ApplicationScoped
public class EventPublisher {

  /** One producer serves every type: the topic is chosen per record. */
  static final String CHANNEL = "herald-publisher";

  @Inject
  @Channel(CHANNEL)
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
  MutinyEmitter<byte[]> emitter;

  @Inject EventChannels channels;
  @Inject HeraldMetrics metrics;

  @Inject
  @ConfigProperty(name = "herald.publish.timeout-ms", defaultValue = "40000")
  long timeoutMs;

  public CompletionStage<PublishReceipt> publish(CloudEvent event) {
    EventChannel channel =
        channels
            .forType(event.type())
            .orElseThrow(
                () ->
                    new UnknownEventTypeException(
                        event.type(), channels.all().stream().map(EventChannel::type).toList()));
    OutgoingMessageMetadata<RecordMetadata> sent = new OutgoingMessageMetadata<>();
    Message<byte[]> message =
        Message.of(KafkaBinding.value(event))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(channel.topic())
                    .withKey(event.tenantid())
                    .withHeaders(KafkaBinding.headers(event))
                    .build())
            .addMetadata(sent);
    return emitter
        .sendMessage(message)
        .ifNoItem()
        .after(Duration.ofMillis(timeoutMs))
        .failWith(
            () ->
                new PublishFailedException(
                    "Kafka did not acknowledge event "
                        + event.id()
                        + " within "
                        + timeoutMs
                        + " ms (herald.publish.timeout-ms); is the broker reachable?"))
        .map(
            done -> {
              RecordMetadata stored = sent.getResult();
              metrics.published(event.type());
              return new PublishReceipt(
                  event.id(), event.type(), stored.topic(), stored.partition(), stored.offset());
            })
        .subscribeAsCompletionStage();
  }
}
