package dev.herald.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.BatchReceipt;
import dev.herald.api.CloudEvent;
import dev.herald.api.PublishReceipt;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.RenewingProducer;
import dev.herald.routing.EventMonitor;
import dev.herald.schemas.TestCatalog;
import dev.herald.testing.TestEvents;
import dev.herald.tracing.Tracing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What the publisher tells its monitor of each publish: type, outcome and time to the answer. */
class PublishDurationTest {

  record Ended(String type, boolean stored, Duration duration) {}

  private final List<Ended> ended = new CopyOnWriteArrayList<>();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  private final KafkaEventPublisher publisher = new KafkaEventPublisher();

  PublishDurationTest() {
    publisher.validator = TestCatalog.validator(TestEvents.TYPE);
    publisher.channels =
        new EventChannels() {
          @Override
          public Optional<EventChannel> forType(String type) {
            return Optional.of(
                new EventChannel(
                    TestEvents.TYPE,
                    "chat-message-received",
                    TestEvents.TOPIC,
                    TestEvents.DLQ,
                    "herald-chat-message-received",
                    "tenantid"));
          }
        };
    publisher.monitor =
        new EventMonitor() {
          @Override
          public void publishEnded(String type, boolean stored, Duration duration) {
            ended.add(new Ended(type, stored, duration));
          }
        };
    publisher.producers = new RenewingProducer(() -> producer);
    publisher.tracing = new Tracing();
  }

  @Test
  void anAcknowledgedEventIsReportedStoredOnlyOnceTheBrokerAnswered() {
    CompletionStage<PublishReceipt> receipt = publisher.publish(event("e-1"));
    assertThat(ended).as("nothing before the broker's answer").isEmpty();

    producer.completeNext();

    assertThat(receipt.toCompletableFuture()).isCompleted();
    assertThat(ended)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(TestEvents.TYPE);
              assertThat(e.stored()).isTrue();
              assertThat(e.duration()).isPositive();
            });
  }

  @Test
  void aRefusedOrUnsentEventIsReportedAsNotStored() {
    publisher.publish(event("e-1"));
    producer.errorNext(new NotEnoughReplicasException("not enough replicas"));
    producer.sendException = new KafkaException("producer closed");
    publisher.publish(event("e-2"));

    assertThat(ended).extracting(Ended::stored).containsExactly(false, false);
  }

  @Test
  void everyEventOfABatchIsReportedAndAnInvalidEventIsNot() {
    CompletionStage<BatchReceipt> batch =
        publisher.publishBatch(List.of(event("b-1"), event("b-2")));
    producer.completeNext();
    producer.errorNext(new NotEnoughReplicasException("not enough replicas"));
    publisher.publish(TestEvents.eventWithData("{}").id("bad").tenantid("acme").build());

    assertThat(batch.toCompletableFuture()).isCompleted();
    assertThat(ended).extracting(Ended::stored).containsExactly(true, false);
  }

  private static CloudEvent event(String id) {
    return TestEvents.eventWithData(TestEvents.latestData()).id(id).tenantid("acme").build();
  }
}
