package dev.herald.retry;

import dev.herald.api.EventOutcome;
import dev.herald.retry.RetryHeaders.Origin;
import dev.herald.routing.EventMonitor;
import dev.herald.routing.RetryHandoff;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Hands a channel's record to the channel's first retry topic, with its original bytes. */
@ApplicationScoped
public class RetryTopicHandoff implements RetryHandoff {

  @Inject RetryTopics topics;
  @Inject RetryTopicWriter writer;
  @Inject EventMonitor monitor;

  @Override
  public boolean accepts(String channel) {
    return topics.first(channel).isPresent();
  }

  @Override
  public CompletionStage<Void> handOff(
      String channel, IncomingKafkaRecordMetadata<?, ?> kafka, byte[] value, EventOutcome outcome) {
    RetryTopic stage = topics.first(channel).orElse(null);
    if (stage == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("Channel '" + channel + "' has no retry topic"));
    }
    Origin origin = new Origin(kafka.getTopic(), kafka.getPartition(), kafka.getOffset());
    ProducerRecord<String, byte[]> retry =
        new ProducerRecord<>(
            stage.topic(),
            null,
            (String) kafka.getKey(),
            value,
            RetryHeaders.forRetry(kafka.getHeaders(), origin, stage, outcome, Instant.now()));
    return writer.send(retry).thenRun(() -> monitor.retried(channel, stage.topic()));
  }
}
