package dev.herald.retry;

import dev.herald.config.KafkaClients;
import dev.herald.config.RenewingProducer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records to retry topics and to dead-letter topics (every channel's dead letters, and
 * records that failed on a retry topic): one idempotent producer with {@code acks=all}, created on
 * first use, flushed and closed when the application stops.
 */
@ApplicationScoped
public class RetryTopicWriter {

  @Inject KafkaClients clients;

  private final RenewingProducer producers =
      new RenewingProducer(() -> clients.producer(overrides()));

  /** Completes when the broker has the record. */
  public CompletionStage<Void> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      producers
          .get()
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

  /** What the writer sets itself, over the connector's settings. */
  public static Map<String, Object> overrides() {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "herald-retry-writer");
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    // Dead letters come in floods: a send blocks its channel's thread when the producer's buffer is
    // full, so batches as large and compressed as the publisher's keep the flood moving.
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return settings;
  }

  @PreDestroy
  void close() {
    producers.close(Duration.ofSeconds(10));
  }
}
