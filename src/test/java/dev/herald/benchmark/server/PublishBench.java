package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventPublisher;
import dev.herald.api.InvalidEventException;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import dev.herald.events.KafkaBinding;
import dev.herald.schemas.EventValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes copies of an event as fast as a caller can: through Herald's {@link EventPublisher};
 * through a plain {@link KafkaProducer} with the same settings that writes the same binary-mode
 * record (the data serialized per event, the {@code ce_*} headers) without validation; or through
 * such a producer doing Herald's work per event (validate against the schema, encode with {@link
 * KafkaBinding}). Warm-up events go first and are not timed. The plain producer also fills the
 * topic for the consume scenarios, with valid events or with invalid ones.
 */
@ApplicationScoped
public class PublishBench {

  @Inject EventPublisher publisher;
  @Inject EventValidator validator;
  @Inject PlainKafka kafka;

  public Timing herald(CloudEvent template, String run, int warmup, int count)
      throws InterruptedException {
    Timing warm =
        Window.sendAll(BenchEvents.copies(template, run + "w-", warmup), publisher::publish);
    List<CloudEvent> events = BenchEvents.copies(template, run + "m-", count);
    return Window.sendAll(events, publisher::publish).afterWarmup(warm);
  }

  public Timing plain(CloudEvent template, String run, int warmup, int count)
      throws InterruptedException {
    return plain(template, run, warmup, count, PublishBench::record);
  }

  public Timing plainWithValidation(CloudEvent template, String run, int warmup, int count)
      throws InterruptedException {
    return plain(template, run, warmup, count, this::validatedRecord);
  }

  /**
   * Writes {@code count} copies of the template with the plain producer, untimed but acknowledged;
   * with {@code invalid}, copies whose data breaks the type's schema. Each copy is made as it is
   * sent.
   */
  public Timing fill(CloudEvent template, String run, int count, boolean invalid)
      throws InterruptedException {
    CloudEvent event = invalid ? BenchEvents.invalid(template, validator) : template;
    String topic = kafka.channel().topic();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      return Window.sendEach(
          count, i -> BenchEvents.copy(event, run, i), e -> send(producer, () -> record(topic, e)));
    }
  }

  private Timing plain(
      CloudEvent template,
      String run,
      int warmup,
      int count,
      BiFunction<String, CloudEvent, ProducerRecord<String, byte[]>> encode)
      throws InterruptedException {
    String topic = kafka.channel().topic();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      Timing warm =
          Window.sendAll(
              BenchEvents.copies(template, run + "w-", warmup),
              e -> send(producer, () -> encode.apply(topic, e)));
      List<CloudEvent> events = BenchEvents.copies(template, run + "m-", count);
      return Window.sendAll(events, e -> send(producer, () -> encode.apply(topic, e)))
          .afterWarmup(warm);
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(kafka.producer(), new StringSerializer(), new ByteArraySerializer());
  }

  /** The binary-mode record, written out by hand as a service without Herald would. */
  static ProducerRecord<String, byte[]> record(String topic, CloudEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, event.tenantid(), Json.MAPPER.writeValueAsBytes(event.data()));
    header(record, "ce_specversion", event.specversion());
    header(record, "ce_id", event.id());
    header(record, "ce_source", event.source());
    header(record, "ce_type", event.type());
    header(record, "ce_time", event.time().toString());
    event.extensions().forEach((name, value) -> header(record, "ce_" + name, value));
    header(record, "content-type", CloudEvent.JSON);
    return record;
  }

  /** The record Herald's publisher writes, after the validation it does. */
  private ProducerRecord<String, byte[]> validatedRecord(String topic, CloudEvent event) {
    List<Violation> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(event.id(), violations);
    }
    return new ProducerRecord<>(
        topic, null, event.tenantid(), KafkaBinding.value(event), KafkaBinding.headers(event));
  }

  private static CompletionStage<?> send(
      KafkaProducer<String, byte[]> producer, Supplier<ProducerRecord<String, byte[]>> encode) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          encode.get(),
          (metadata, error) -> {
            if (error != null) {
              acknowledged.completeExceptionally(error);
            } else {
              acknowledged.complete(null);
            }
          });
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
