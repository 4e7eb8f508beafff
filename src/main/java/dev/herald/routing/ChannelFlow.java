package dev.herald.routing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventOutcome;
import dev.herald.reliability.DeadLetterHeaders;
import dev.herald.reliability.RetryPolicy;
import dev.herald.tracing.Sending;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.common.header.Headers;

/**
 * One channel's records on their way: each batch is split by key over the channel's lanes ({@code
 * herald.consume.max-in-flight}), read, handled, and settled in its {@link Offsets}. A record that
 * is rejected or whose handlers failed goes to the dead-letter topic (or the retry topic) without
 * holding its lane: only its commit waits for the write. The channel takes its next batch at once
 * while fewer than {@value #MAX_BATCHES} are being worked on.
 */
final class ChannelFlow {

  private static final Logger LOG = Logger.getLogger(ChannelFlow.class.getName());
  private static final CompletionStage<Void> GO_ON = CompletableFuture.completedFuture(null);

  /** Batches of a channel worked on at once: the next one waits while the lanes are busy. */
  static final int MAX_BATCHES = 2;

  final String channel;
  final Offsets offsets;
  private final RetryPolicy policy;
  private final EventManager manager;
  private final Slot[] slots;
  private final AtomicInteger batches = new AtomicInteger();

  /** When an event of the channel last succeeded, epoch milliseconds; 0 before the first. */
  private final AtomicLong lastHandled = new AtomicLong();

  private volatile CompletableFuture<Void> room;

  ChannelFlow(
      String channel, Offsets offsets, RetryPolicy policy, EventManager manager, Slot[] slots) {
    this.channel = channel;
    this.offsets = offsets;
    this.policy = policy;
    this.manager = manager;
    this.slots = slots;
  }

  /** Takes a batch; completes when the channel may hand over the next one. */
  CompletionStage<Void> take(List<Consumed> records) {
    if (!offsets.attached()) {
      throw new IllegalStateException(
          "Channel '"
              + channel
              + "' does not commit through Herald: set"
              + " mp.messaging.incoming."
              + channel
              + ".commit-strategy=herald and batch=true (Herald's defaults)");
    }
    Batch batch = records.isEmpty() ? null : offsets.register(records, System.currentTimeMillis());
    if (batch == null) {
      return GO_ON;
    }
    int[][] lanes = split(batch);
    AtomicInteger left = new AtomicInteger(lanes.length);
    batches.incrementAndGet();
    Runnable laneDone =
        () -> {
          if (left.decrementAndGet() == 0) {
            batchDone();
          }
        };
    for (int lane = 0; lane < lanes.length; lane++) {
      if (lanes[lane] != null) {
        slots[lane].offer(new ChunkJob(this, batch, lanes[lane], laneDone));
      } else {
        laneDone.run();
      }
    }
    if (batches.get() < MAX_BATCHES) {
      return GO_ON;
    }
    CompletableFuture<Void> waiting = new CompletableFuture<>();
    room = waiting;
    if (batches.get() < MAX_BATCHES) {
      waiting.complete(null);
    }
    return waiting;
  }

  /** The batch's record indexes per lane, in batch order; null for a lane with none. */
  private int[][] split(Batch batch) {
    int size = batch.size();
    if (slots.length == 1) {
      int[] all = new int[size];
      for (int i = 0; i < size; i++) {
        all[i] = i;
      }
      return new int[][] {all};
    }
    int[] laneOf = new int[size];
    int[] counts = new int[slots.length];
    for (int i = 0; i < size; i++) {
      laneOf[i] = Math.floorMod(batch.record(i).key().hashCode(), slots.length);
      counts[laneOf[i]]++;
    }
    int[][] lanes = new int[slots.length][];
    int[] filled = new int[slots.length];
    for (int i = 0; i < size; i++) {
      int lane = laneOf[i];
      if (lanes[lane] == null) {
        lanes[lane] = new int[counts[lane]];
      }
      lanes[lane][filled[lane]++] = i;
    }
    return lanes;
  }

  private void batchDone() {
    if (batches.decrementAndGet() < MAX_BATCHES) {
      CompletableFuture<Void> waiting = room;
      if (waiting != null) {
        waiting.complete(null);
      }
    }
  }

  /** When an event of the channel last succeeded with all its handlers. */
  Optional<Instant> lastHandled() {
    long millis = lastHandled.get();
    return millis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** Whether records must no longer start: the stop began. */
  boolean stopped() {
    return offsets.closed() || manager.stopping();
  }

  /**
   * Reads a record into its dispatch; null when it is rejected (then dead-lettered with the
   * reason).
   */
  Dispatch start(Batch batch, int index) {
    Consumed record = batch.record(index);
    CloudEvent event;
    try {
      event = manager.reader.read(channel, record.headers(), record.value());
    } catch (EventRejectedException e) {
      manager.monitor.deadLettered(channel, "rejected");
      deadLetter(batch, index, e, DeadLetterHeaders.rejected(Instant.now()));
      return null;
    }
    manager.monitor.consumed(channel, event.type());
    Dispatch dispatch = manager.dispatchOf(channel, policy, event);
    dispatch.trace = manager.tracing.parentOf(record.headers(), event);
    return dispatch;
  }

  /** Settles a record whose handlers were all called: handled, retried later or dead-lettered. */
  void finish(Batch batch, int index, Dispatch dispatch) {
    EventOutcome outcome = dispatch.outcome();
    manager.outcomes.record(outcome);
    if (outcome.succeeded()) {
      batch.settle(index);
      lastHandled.lazySet(System.currentTimeMillis());
      return;
    }
    if (manager.stopping()) {
      // Failures during the stop come from the stop: the record comes back after the restart.
      batch.abandon(index);
      return;
    }
    Consumed record = batch.record(index);
    if (outcome.retryDue() && manager.retryHandoff.accepts(channel)) {
      manager
          .retryHandoff
          .handOff(channel, record.kafka(), record.value(), outcome)
          .whenComplete(
              (sent, error) -> {
                if (error == null) {
                  batch.settle(index);
                } else {
                  manager.monitor.deadLettered(channel, "failed");
                  HandlingFailedException failure = new HandlingFailedException(outcome);
                  failure.addSuppressed(error);
                  deadLetter(batch, index, failure, DeadLetterHeaders.failed(outcome));
                }
              });
      return;
    }
    manager.monitor.deadLettered(channel, "failed");
    deadLetter(
        batch, index, new HandlingFailedException(outcome), DeadLetterHeaders.failed(outcome));
  }

  /** Sends a record to the channel's dead-letter topic; it is settled once the topic has it. */
  private void deadLetter(Batch batch, int index, Throwable reason, Headers failure) {
    Consumed record = batch.record(index);
    Sending span =
        manager.tracing.deadLettering(
            manager.tracing.parentOf(record.headers(), null),
            channel,
            reason instanceof EventRejectedException ? "rejected" : "failed");
    manager
        .deadLetters
        .write(channel, record.kafka().getRecord(), record.value(), reason, failure)
        .whenComplete(
            (done, error) -> {
              span.end(error);
              if (error == null) {
                batch.settle(index);
              } else {
                LOG.log(
                    Level.WARNING,
                    "Channel '"
                        + channel
                        + "' could not write a record to its dead-letter topic; it stays uncommitted"
                        + " and comes back after a restart",
                    error);
                batch.abandon(index);
              }
            });
  }
}
