package dev.herald.replay;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import dev.herald.api.EventOutcome;
import dev.herald.reliability.Pacer;
import dev.herald.routing.EventManager;
import dev.herald.routing.EventReader;
import dev.herald.routing.EventRejectedException;
import dev.herald.routing.HandlingFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one replay on a managed thread: reads its partitions' fixed ranges with its own consumer
 * (assigned, never committing), reads each record as the live channel does, and hands the event,
 * marked with the replay's id, to the chosen handlers, one record at a time in partition order. A
 * record that fails to read or whose handler fails is counted and the replay goes on.
 */
final class ReplayTask implements Runnable {

  private static final Logger LOG = Logger.getLogger(ReplayTask.class.getName());

  /** Short polls and waits, so that a cancel is seen within this time. */
  static final Duration STEP = Duration.ofMillis(200);

  /** Reads a record as the live channel does ({@code EventReader}). */
  interface Reader {
    CloudEvent read(ConsumerRecord<String, byte[]> record) throws EventRejectedException;
  }

  /** Hands a replayed event to the replay's handlers ({@code EventManager.replay}). */
  interface Handlers {
    CompletionStage<EventOutcome> replay(CloudEvent event);
  }

  private final Replay replay;
  private final Consumer<String, byte[]> consumer;
  private final Reader reader;
  private final Handlers handlers;
  private final Pacer pacer;
  private final ReplayCounts counts;
  private final Runnable ended;

  ReplayTask(
      Replay replay,
      Consumer<String, byte[]> consumer,
      Reader reader,
      Handlers handlers,
      Pacer pacer,
      ReplayCounts counts,
      Runnable ended) {
    this.replay = replay;
    this.consumer = consumer;
    this.reader = reader;
    this.handlers = handlers;
    this.pacer = pacer;
    this.counts = counts;
    this.ended = ended;
  }

  /** The live channel's reading and routing, for a replay of {@code channel} to {@code names}. */
  static Reader reader(EventReader reader, String channel) {
    return record -> reader.read(channel, record.headers(), record.value());
  }

  static Handlers handlers(EventManager manager, String channel, Set<String> names) {
    return event -> manager.replay(channel, event, names);
  }

  @Override
  public void run() {
    try (consumer) {
      replay.finish(readAll() ? Replay.State.COMPLETED : Replay.State.CANCELLED, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      replay.finish(Replay.State.FAILED, "Interrupted: the server is stopping");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Replay " + replay.id + " of " + replay.channel.type() + " failed", e);
      replay.finish(
          Replay.State.FAILED,
          "Reading "
              + replay.channel.topic()
              + " failed: "
              + (e.getMessage() == null ? e.toString() : e.getMessage()));
    } finally {
      ended.run();
    }
  }

  /** Reads every partition to its end; false when cancelled first. */
  private boolean readAll() throws InterruptedException {
    Map<TopicPartition, Replay.Progress> open = new HashMap<>();
    for (Replay.Progress progress : replay.partitions()) {
      if (!progress.done()) {
        open.put(new TopicPartition(replay.channel.topic(), progress.range.partition()), progress);
      }
    }
    if (open.isEmpty()) {
      return true; // nothing in the range
    }
    consumer.assign(open.keySet());
    open.forEach((partition, progress) -> consumer.seek(partition, progress.range.start()));
    while (!open.isEmpty()) {
      if (replay.cancelRequested()) {
        return false;
      }
      ConsumerRecords<String, byte[]> records = consumer.poll(STEP);
      for (TopicPartition partition : records.partitions()) {
        Replay.Progress progress = open.get(partition);
        for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
          if (record.offset() >= progress.range.end()) {
            break;
          }
          if (!replay(record)) {
            return false;
          }
          progress.advanceTo(record.offset() + 1);
        }
      }
      List<TopicPartition> done = new ArrayList<>();
      open.forEach(
          (partition, progress) -> {
            // across gaps too: compacted records, transaction markers
            progress.advanceTo(consumer.position(partition, STEP.multipliedBy(50)));
            if (progress.done()) {
              done.add(partition);
            }
          });
      consumer.pause(done);
      done.forEach(open::remove);
    }
    return true;
  }

  /** Replays one record; false when a cancel came before its handlers finished. */
  private boolean replay(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    replay.read.incrementAndGet();
    CloudEvent event;
    try {
      event = reader.read(record);
    } catch (EventRejectedException e) {
      replay.recordFailed(record.partition(), record.offset(), e.getMessage());
      return true;
    }
    if (!pacer.await(replay::awaitCancel)) {
      return false;
    }
    CloudEvent replayed =
        event.toBuilder().extension(CloudEventAttributes.REPLAYID, replay.id).build();
    CompletableFuture<EventOutcome> handling = handlers.replay(replayed).toCompletableFuture();
    counts.replayed();
    EventOutcome outcome = await(handling);
    if (outcome == null) {
      return false;
    }
    if (outcome.results().isEmpty()) {
      replay.notAccepted.incrementAndGet();
    } else if (outcome.succeeded()) {
      replay.handled.incrementAndGet();
    } else {
      replay.recordFailed(
          record.partition(), record.offset(), new HandlingFailedException(outcome).getMessage());
    }
    return true;
  }

  /**
   * The handlers' outcome; null when a cancel came first (the call in progress then finishes on its
   * own, and no later record is replayed).
   */
  private EventOutcome await(CompletableFuture<EventOutcome> handling) throws InterruptedException {
    while (true) {
      try {
        return handling.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (replay.cancelRequested()) {
          return null;
        }
      } catch (ExecutionException e) {
        // only the stop ends a dispatch without an outcome
        throw new IllegalStateException(
            "the handlers were stopped: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }
}
