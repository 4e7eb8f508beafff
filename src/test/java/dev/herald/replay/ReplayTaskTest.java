package dev.herald.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import dev.herald.api.EventOutcome;
import dev.herald.api.HandlerResult;
import dev.herald.config.EventChannel;
import dev.herald.events.Json;
import dev.herald.reliability.Pacer;
import dev.herald.routing.EventRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.Test;

/** A replay's loop over a consumer that answers as a broker would, without one. */
class ReplayTaskTest {

  private static final String TOPIC = "system.error.v1";
  private static final EventChannel CHANNEL =
      new EventChannel(
          "system.error",
          "system-error",
          TOPIC,
          "system.error.v1.dlq",
          "herald-system-error",
          "tenantid");

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final Replay replay =
      new Replay(
          "r-1",
          CHANNEL,
          Set.of("h"),
          new ReplayRequest("system.error", Instant.EPOCH, null, null, List.of()));
  private final ReplayCounts counts = new ReplayCounts();
  private final List<CloudEvent> handed = new CopyOnWriteArrayList<>();
  private final AtomicBoolean ended = new AtomicBoolean();

  @Test
  void everyRecordOfTheRangesReachesTheHandlersInPartitionOrderMarkedWithTheReplay() {
    replay.plan(List.of(new PartitionRange(0, 2, 5), new PartitionRange(1, 0, 2)));
    records(0, "a0", "a1", "a2", "a3", "a4", "a5", "a6");
    records(1, "b0", "b1", "b2");

    task(this::handle).run();

    assertThat(handed).extracting(CloudEvent::id).containsSubsequence("a2", "a3", "a4");
    assertThat(handed).extracting(CloudEvent::id).containsSubsequence("b0", "b1");
    assertThat(handed).extracting(CloudEvent::id).hasSize(5);
    assertThat(handed)
        .allSatisfy(
            event -> assertThat(event.extension(CloudEventAttributes.REPLAYID)).isEqualTo("r-1"));
    ReplayStatus status = replay.status();
    assertThat(status.state()).isEqualTo("completed");
    assertThat(status.counts()).isEqualTo(new ReplayStatus.Counts(5, 5, 0, 0));
    assertThat(status.partitions())
        .containsExactly(
            new ReplayStatus.PartitionStatus(0, 2, 5, 5, true),
            new ReplayStatus.PartitionStatus(1, 0, 2, 2, true));
    assertThat(status.finishedAt()).isNotNull();
    assertThat(counts.replayedEvents()).isEqualTo(5);
    assertThat(ended).isTrue();
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void recordsThatFailToReadOrInAHandlerAreCountedAndTheReplayGoesOn() {
    replay.plan(List.of(new PartitionRange(0, 0, 4)));
    records(0, "not-an-event", "fail-1", "nobody-1", "ok-1");

    task(this::handle).run();

    ReplayStatus status = replay.status();
    assertThat(status.state()).isEqualTo("completed");
    assertThat(status.counts()).isEqualTo(new ReplayStatus.Counts(4, 1, 2, 1));
    assertThat(status.lastError())
        .isEqualTo(
            "partition 0, offset 1: Event fail-1 (system.error) not handled: handler 'h'"
                + " failed: boom");
    assertThat(status.error()).isNull();
    assertThat(counts.replayedEvents()).isEqualTo(3);
  }

  @Test
  void partitionsWithNothingInTheRangeCompleteAtOnce() {
    replay.plan(List.of(new PartitionRange(0, 7, 7), new PartitionRange(1, 0, 0)));

    task(this::handle).run();

    assertThat(replay.status().state()).isEqualTo("completed");
    assertThat(replay.status().partitions()).allMatch(ReplayStatus.PartitionStatus::done);
    assertThat(handed).isEmpty();
  }

  @Test
  void aCancelStopsTheReplayWithoutWaitingForTheHandlerCall() {
    replay.plan(List.of(new PartitionRange(0, 0, 3)));
    records(0, "ok-1", "ok-2", "ok-3");

    task(event -> {
          handed.add(event);
          replay.cancel();
          return new CompletableFuture<>(); // a handler call that does not end
        })
        .run();

    assertThat(replay.status().state()).isEqualTo("cancelled");
    assertThat(handed).extracting(CloudEvent::id).containsExactly("ok-1");
    assertThat(replay.status().partitions().get(0).position()).isZero();
    assertThat(ended).isTrue();
  }

  @Test
  void aBrokenConsumerFailsTheReplayWithTheReason() {
    replay.plan(List.of(new PartitionRange(0, 0, 3)));
    consumer.setPollException(new org.apache.kafka.common.KafkaException("broker gone"));

    task(this::handle).run();

    assertThat(replay.status().state()).isEqualTo("failed");
    assertThat(replay.status().error()).isEqualTo("Reading system.error.v1 failed: broker gone");
    assertThat(ended).isTrue();
  }

  private ReplayTask task(ReplayTask.Handlers handlers) {
    return new ReplayTask(
        replay,
        consumer,
        ReplayTaskTest::read,
        handlers,
        new Pacer(0),
        counts,
        () -> ended.set(true));
  }

  /** Adds the records once the task assigned the partitions, as a broker would serve them. */
  private void records(int partition, String... values) {
    consumer.schedulePollTask(
        () -> {
          for (int offset = 0; offset < values.length; offset++) {
            consumer.addRecord(
                new ConsumerRecord<>(
                    TOPIC,
                    partition,
                    offset,
                    "acme",
                    values[offset].getBytes(StandardCharsets.UTF_8)));
          }
        });
  }

  private static CloudEvent read(ConsumerRecord<String, byte[]> record)
      throws EventRejectedException {
    String id = new String(record.value(), StandardCharsets.UTF_8);
    if (id.equals("not-an-event")) {
      throw new EventRejectedException("Channel 'system-error' cannot read the record");
    }
    return CloudEvent.builder()
        .id(id)
        .source("/tests")
        .type("system.error")
        .data(Json.MAPPER.createObjectNode())
        .build();
  }

  /** Fails events named fail-*, accepts none named nobody-*, handles the rest. */
  private CompletionStage<EventOutcome> handle(CloudEvent event) {
    handed.add(event);
    List<HandlerResult> results =
        event.id().startsWith("nobody")
            ? List.of()
            : List.of(
                event.id().startsWith("fail")
                    ? HandlerResult.failed(
                        "h",
                        Duration.ZERO,
                        new IllegalStateException("boom"),
                        false,
                        1,
                        Instant.now(),
                        Instant.now())
                    : HandlerResult.succeeded("h", Duration.ZERO, 1, null, null));
    return CompletableFuture.completedFuture(
        new EventOutcome(
            event.id(), event.type(), event.tenantid(), "system-error", Instant.now(), results));
  }
}
