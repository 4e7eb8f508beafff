package dev.herald.retry;

import dev.herald.config.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * Writes records to retry topics, and to dead-letter topics for records that failed on a retry
 * topic: one idempotent producer with {@code acks=all}, created on first use, flushed and closed
 * when the application stops.
 */
@ApplicationScoped
public class RetryTopicWriter {

  @Inject Config config;

  private Producer<String, byte[]> producer;

  /** Completes when the broker has the record. */
  public CompletionStage<Void> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      producer()
          .send(
              record,
              (metadata, error) -> {
                if (error == null) {
                  sent.complete(null);
                } else {
                  sent.completeExceptionally(error);
                }
              });
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  private synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> settings = KafkaClientSettings.from(config, ProducerConfig.configNames());
      settings.put(ProducerConfig.CLIENT_ID_CONFIG, "herald-retry-writer");
      settings.put(ProducerConfig.ACKS_CONFIG, "all");
      settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
      settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  @PreDestroy
  synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
