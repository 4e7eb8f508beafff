package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventPublisher;
import dev.herald.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes copies of an event as fast as a caller can: through Herald's {@link EventPublisher}, or
 * through a plain {@link KafkaProducer} with the same settings that writes the same binary-mode
 * record (the data serialized per event, the {@code ce_*} headers) without validation. Warm-up
 * events go first and are not timed.
 */
@ApplicationScoped
public class PublishBench {

  @Inject EventPublisher publisher;
  @Inject PlainKafka kafka;

  public Timing herald(CloudEvent template, String run, int warmup, int count)
      throws InterruptedException {
    Window.sendAll(BenchEvents.copies(template, run + "w-", warmup), publisher::publish);
    List<CloudEvent> events = BenchEvents.copies(template, run + "m-", count);
    return Window.sendAll(events, publisher::publish);
  }

  public Timing plain(CloudEvent template, String run, int warmup, int count)
      throws InterruptedException {
    String topic = kafka.channel().topic();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(kafka.producer(), new StringSerializer(), new ByteArraySerializer())) {
      Window.sendAll(
          BenchEvents.copies(template, run + "w-", warmup), e -> send(producer, topic, e));
      List<CloudEvent> events = BenchEvents.copies(template, run + "m-", count);
      return Window.sendAll(events, e -> send(producer, topic, e));
    }
  }

  private static CompletionStage<?> send(
      KafkaProducer<String, byte[]> producer, String topic, CloudEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, event.tenantid(), Json.MAPPER.writeValueAsBytes(event.data()));
    header(record, "ce_specversion", event.specversion());
    header(record, "ce_id", event.id());
    header(record, "ce_source", event.source());
    header(record, "ce_type", event.type());
    header(record, "ce_time", event.time().toString());
    event.extensions().forEach((name, value) -> header(record, "ce_" + name, value));
    header(record, "content-type", CloudEvent.JSON);
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null) {
            acknowledged.completeExceptionally(error);
          } else {
            acknowledged.complete(null);
          }
        });
    return acknowledged;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
