package dev.herald.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.api.EventOutcome;
import dev.herald.events.Json;
import dev.herald.events.KafkaBinding;
import dev.herald.reliability.InMemoryIdempotencyStore;
import dev.herald.reliability.RetryPolicies;
import dev.herald.reliability.RetryPolicy;
import dev.herald.tracing.Tracing;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batches through {@link EventManager#receive}: lanes keep each key in order, and a partition is
 * committed only up to its first record not yet settled (handled, or dead-lettered with the write
 * confirmed), whatever order lanes finish in.
 */
class ChannelFlowTest {

  private static final String CHANNEL = "chat-message-received";
  private static final String TOPIC = "chat.message.received.v1";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          2,
          Duration.ofMillis(10),
          1.0,
          Duration.ofMillis(10),
          0.0,
          List.of(java.util.concurrent.TimeoutException.class),
          Duration.ofMillis(300));

  private final EventManager manager = new EventManager();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final Map<Long, String> deadLettered = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<Void>> deadLetterWrites = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(4);
  private Offsets offsets;
  private long nextOffset;

  @BeforeEach
  void setUp() {
    manager.executor = threads;
    manager.scheduler = threads;
    manager.reader =
        new EventReader() {
          @Override
          public CloudEvent read(String channel, Headers headers, byte[] value)
              throws EventRejectedException {
            if (new String(value, StandardCharsets.UTF_8).contains("\"bad\"")) {
              throw new EventRejectedException("Channel '" + channel + "' rejected a bad event");
            }
            try {
              return KafkaBinding.decode(headers, value);
            } catch (Exception e) {
              throw new EventRejectedException(e.getMessage(), e);
            }
          }
        };
    HandlerInvoker invoker = new HandlerInvoker();
    invoker.idempotency = new InMemoryIdempotencyStore(1000);
    invoker.monitor = new EventMonitor() {};
    invoker.tracing = new Tracing();
    manager.tracing = invoker.tracing;
    manager.invoker = invoker;
    manager.monitor = invoker.monitor;
    manager.outcomes = new RecentOutcomes();
    manager.outcomes.retained = 10;
    manager.offsets = new ChannelOffsets();
    manager.retryHandoff =
        new RetryHandoff() {
          @Override
          public boolean accepts(String channel) {
            return false;
          }

          @Override
          public CompletionStage<Void> handOff(
              String channel,
              IncomingKafkaRecordMetadata<?, ?> kafka,
              byte[] value,
              EventOutcome outcome) {
            throw new UnsupportedOperationException();
          }
        };
    manager.retries =
        new RetryPolicies() {
          @Override
          public RetryPolicy forChannel(String channel) {
            return POLICY;
          }
        };
    manager.deadLetters =
        (channel, record, value, reason, failure) -> {
          deadLettered.put(record.offset(), reason.getMessage());
          CompletableFuture<Void> write = new CompletableFuture<>();
          deadLetterWrites.put(record.offset(), write);
          return write;
        };
    offsets = manager.offsets.forChannel(CHANNEL);
    offsets.attach();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void nonBlockingHandlersRunOnTheDeliveringThreadAndEverySettledRecordIsCommitted() {
    List<Thread> ran = new CopyOnWriteArrayList<>();
    manager.useHandlers(List.of(handler("fast", false, event -> ran.add(Thread.currentThread()))));

    CompletionStage<Void> next = manager.receive(CHANNEL, batch(record("k1"), record("k2")));

    assertThat(next.toCompletableFuture()).isDone();
    assertThat(ran).containsOnly(Thread.currentThread()).hasSize(2);
    assertThat(offsets.toCommit()).isEqualTo(Map.of(P0, 2L));
    assertThat(offsets.idle()).isTrue();
  }

  @Test
  void aPartitionIsCommittedOnlyUpToItsFirstRecordStillInHand() throws Exception {
    manager.lanes = 2;
    CountDownLatch release = new CountDownLatch(1);
    manager.useHandlers(
        List.of(
            handler(
                "slow-for-k1",
                true,
                event -> {
                  if (event.subject().equals("k1")) {
                    release.await(10, TimeUnit.SECONDS);
                  }
                  handled.add(event.id());
                })));

    manager.receive(CHANNEL, batch(record("k1"), record("k2"), record("k2")));

    await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 2);
    assertThat(offsets.toCommit()).as("offset 0 is still in hand").isEmpty();
    release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> offsets.toCommit().equals(Map.of(P0, 3L)));
  }

  @Test
  void aKeysRecordsAreHandledInOffsetOrderAcrossLanesAndBatches() {
    manager.lanes = 4;
    Map<String, List<Long>> seen = new ConcurrentHashMap<>();
    manager.useHandlers(
        List.of(
            handler(
                "order",
                true,
                event ->
                    seen.computeIfAbsent(event.subject(), k -> new CopyOnWriteArrayList<>())
                        .add(Long.parseLong(event.id())))));

    for (int batch = 0; batch < 20; batch++) {
      List<Message<byte[]>> records = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        records.add(record("k" + (i % 7)));
      }
      manager
          .receive(CHANNEL, batch(records.toArray(Message[]::new)))
          .toCompletableFuture()
          .orTimeout(10, TimeUnit.SECONDS)
          .join();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> offsets.toCommit().equals(Map.of(P0, 500L)));
    assertThat(seen).hasSize(7);
    seen.values().forEach(ids -> assertThat(ids).isSorted().doesNotHaveDuplicates());
    assertThat(seen.values().stream().mapToInt(List::size).sum()).isEqualTo(500);
  }

  @Test
  void aRejectedRecordDoesNotHoldItsLaneButItsCommitWaitsForTheDeadLetterWrite() {
    manager.useHandlers(List.of(handler("h", false, event -> handled.add(event.id()))));

    manager.receive(CHANNEL, batch(bad("k1"), record("k1")));

    assertThat(handled).containsExactly("1");
    assertThat(deadLettered.get(0L)).contains("rejected a bad event");
    assertThat(offsets.toCommit()).as("the dead-letter write is not confirmed").isEmpty();
    deadLetterWrites.get(0L).complete(null);
    assertThat(offsets.toCommit()).isEqualTo(Map.of(P0, 2L));
  }

  @Test
  void aFailedDeadLetterWriteLeavesTheRecordUncommitted() {
    manager.useHandlers(List.of(handler("h", false, event -> handled.add(event.id()))));

    manager.receive(CHANNEL, batch(bad("k1"), record("k1")));
    deadLetterWrites.get(0L).completeExceptionally(new IllegalStateException("broker down"));

    assertThat(offsets.toCommit()).isEmpty();
    assertThat(offsets.idle()).isTrue();
  }

  @Test
  void afterTheStopBeganNoRecordStartsAndNothingMoreIsCommitted() {
    manager.useHandlers(List.of(handler("h", false, event -> handled.add(event.id()))));
    manager.receive(CHANNEL, batch(record("k1")));

    offsets.close();
    manager.receive(CHANNEL, batch(record("k1"), record("k2")));

    assertThat(handled).containsExactly("0");
    assertThat(offsets.toCommit()).isEqualTo(Map.of(P0, 1L));
    assertThat(offsets.idle()).isTrue();
  }

  @Test
  void aRevokeWaitsForTheRunningCallThenCommitsItAndLeavesTheRecordsNotStartedToTheNewOwner()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    manager.useHandlers(
        List.of(
            handler(
                "h",
                true,
                event -> {
                  if (event.id().equals("1")) {
                    release.await(10, TimeUnit.SECONDS);
                  }
                  handled.add(event.id());
                })));
    manager.receive(CHANNEL, batch(record("k1"), record("k1"), record("k1")));
    await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);

    CompletableFuture<Map<TopicPartition, Long>> handover =
        CompletableFuture.supplyAsync(() -> offsets.revoke(List.of(P0), Duration.ofSeconds(10)));
    await().atMost(Duration.ofSeconds(5)).until(() -> offsets.busy(List.of(P0)));
    assertThat(handover).isNotDone();
    release.countDown();

    assertThat(handover.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(P0, 2L));
    await().atMost(Duration.ofSeconds(5)).until(offsets::idle);
    assertThat(handled).containsExactly("0", "1");
    assertThat(offsets.toCommit()).isEmpty();
  }

  @Test
  void aCallStillRunningWhenTheWaitEndsIsLeftToTheNewOwnerAndNeverCommittedHere() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    manager.useHandlers(
        List.of(
            handler(
                "h",
                true,
                event -> {
                  if (event.id().equals("1")) {
                    release.await(10, TimeUnit.SECONDS);
                  }
                  handled.add(event.id());
                })));
    manager.receive(CHANNEL, batch(record("k1"), record("k1"), record("k1")));
    await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);

    assertThat(offsets.revoke(List.of(P0), Duration.ofMillis(50))).isEqualTo(Map.of(P0, 1L));
    release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(offsets::idle);

    assertThat(handled).containsExactly("0", "1");
    assertThat(offsets.toCommit()).isEmpty();
  }

  @Test
  void aRecordWaitingToBeRetriedWhenItsPartitionIsHandedOverMakesNoFurtherAttempt()
      throws Exception {
    manager.retries =
        new RetryPolicies() {
          @Override
          public RetryPolicy forChannel(String channel) {
            return new RetryPolicy(
                3,
                Duration.ofSeconds(2),
                1.0,
                Duration.ofSeconds(2),
                0.0,
                List.of(IllegalStateException.class),
                Duration.ofSeconds(5));
          }
        };
    List<String> attempts = new CopyOnWriteArrayList<>();
    manager.useHandlers(
        List.of(
            handler(
                "h",
                true,
                event -> {
                  attempts.add(event.id());
                  if (event.id().equals("1")) {
                    throw new IllegalStateException("down");
                  }
                  handled.add(event.id());
                })));
    manager.receive(CHANNEL, batch(record("k1"), record("k1"), record("k1")));
    await().atMost(Duration.ofSeconds(5)).until(() -> attempts.contains("1"));

    assertThat(offsets.revoke(List.of(P0), Duration.ofSeconds(10))).isEqualTo(Map.of(P0, 1L));

    assertThat(attempts).containsExactly("0", "1");
    assertThat(handled).containsExactly("0");
    assertThat(deadLettered).isEmpty();
    assertThat(offsets.idle()).isTrue();
  }

  @Test
  void aCommitThatCompletesAfterTheHandoverIsNotRememberedForThePartition() {
    manager.useHandlers(List.of(handler("h", false, event -> handled.add(event.id()))));
    manager.receive(CHANNEL, batch(record("k1"), record("k1")));
    Map<TopicPartition, Long> inFlight = offsets.toCommit();
    assertThat(inFlight).isEqualTo(Map.of(P0, 2L));

    assertThat(offsets.revoke(List.of(P0), Duration.ZERO)).isEqualTo(Map.of(P0, 2L));
    offsets.committed(inFlight);
    manager.receive(CHANNEL, batch(record("k1")));

    assertThat(offsets.toCommit()).isEqualTo(Map.of(P0, 3L));
  }

  @Test
  void aStuckBlockingHandlerIsTimedOutOnEachAttemptThenDeadLetteredAndTheLaneGoesOn() {
    CountDownLatch never = new CountDownLatch(1);
    manager.useHandlers(
        List.of(
            handler(
                "stuck-on-0",
                true,
                event -> {
                  if (event.id().equals("0")) {
                    // Stuck until interrupted: nothing ever counts the latch down.
                    never.await(60, TimeUnit.SECONDS);
                  }
                  handled.add(event.id());
                })));

    manager.receive(CHANNEL, batch(record("k1"), record("k1")));

    await().atMost(Duration.ofSeconds(5)).until(() -> deadLettered.containsKey(0L));
    assertThat(deadLettered.get(0L))
        .contains("handler 'stuck-on-0' failed: took longer than 300 ms");
    await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("1"));
    deadLetterWrites.get(0L).complete(null);
    assertThat(offsets.toCommit()).isEqualTo(Map.of(P0, 2L));
  }

  @Test
  void aChannelThatDoesNotCommitThroughHeraldIsRefusedWithTheSettingToFix() {
    manager.useHandlers(List.of());
    Offsets unattached = manager.offsets.forChannel("other");

    assertThat(unattached.attached()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> manager.receive("other", batch(record("k1"))))
        .hasMessageContaining("mp.messaging.incoming.other.commit-strategy=herald");
  }

  private static EventHandler handler(String name, boolean blocking, TestHandlers.Body body) {
    return TestHandlers.handler(name, true, blocking, body);
  }

  private Message<byte[]> record(String key) {
    return record(key, "{}");
  }

  private Message<byte[]> bad(String key) {
    return record(key, "{\"bad\":true}");
  }

  /** The next record of partition 0: its event id is its offset, its subject its key. */
  private Message<byte[]> record(String key, String data) {
    long offset = nextOffset++;
    CloudEvent event =
        CloudEvent.builder()
            .id(Long.toString(offset))
            .source("/t")
            .type("chat.message.received")
            .subject(key)
            .tenantid("acme")
            .data(Json.parse(data.getBytes(StandardCharsets.UTF_8), "data"))
            .build();
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(
            TOPIC,
            0,
            offset,
            0L,
            TimestampType.CREATE_TIME,
            0,
            0,
            key,
            KafkaBinding.value(event),
            KafkaBinding.headers(event),
            Optional.empty());
    return Message.of(
        record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, CHANNEL, 0, 1)));
  }

  @SafeVarargs
  private static Message<List<byte[]>> batch(Message<byte[]>... records) {
    List<Message<?>> messages = List.of(records);
    Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> none = new HashMap<>();
    return Message.of(
        messages.stream().map(m -> (byte[]) m.getPayload()).toList(),
        Metadata.of(
            new IncomingKafkaRecordBatchMetadata<>(
                new ConsumerRecords<>(none, Map.of()), messages, CHANNEL, 0, Map.of(), 1)));
  }
}
