package dev.herald.deadletters;

import dev.herald.config.EventChannel;
import dev.herald.reliability.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Redrives the dead letters of one channel that a filter takes, up to the end offsets fixed when
 * the task was created, at a steady rate, leaving those redriven before (so running it twice sends
 * nothing twice).
 */
final class RedriveTask implements Runnable {

  private static final Logger LOG = Logger.getLogger(RedriveTask.class.getName());

  enum State {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED
  }

  /** What a task needs from its beans. */
  record Tools(
      DeadLetterKafka kafka, Redriver redriver, RedriveMarks marks, DeadLetterCounts counts) {}

  private final String id;
  private final EventChannel channel;
  private final DeadLetterFilter filter;
  private final Map<TopicPartition, Long> floors;
  private final Map<TopicPartition, Long> ends;
  private final int rate;
  private final Tools tools;
  private final Runnable onEnd;
  private final long total;
  private final Instant started = Instant.now();
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final AtomicBoolean begun = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicLong moved = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong examined = new AtomicLong();
  private volatile Instant finished;
  private volatile String error;
  private volatile Future<?> future;

  RedriveTask(
      String id,
      EventChannel channel,
      DeadLetterFilter filter,
      Map<TopicPartition, Long> floors,
      Map<TopicPartition, Long> ends,
      int rate,
      Tools tools,
      Runnable onEnd) {
    this.id = id;
    this.channel = channel;
    this.filter = filter;
    this.floors = Map.copyOf(floors);
    this.ends = Map.copyOf(ends);
    this.rate = rate;
    this.tools = tools;
    this.onEnd = onEnd;
    this.total =
        ends.entrySet().stream()
            .mapToLong(e -> Math.max(0, e.getValue() - floors.get(e.getKey())))
            .sum();
  }

  String id() {
    return id;
  }

  String topic() {
    return channel.deadLetterTopic();
  }

  void submitted(Future<?> future) {
    this.future = future;
  }

  boolean running() {
    return state.get() == State.RUNNING;
  }

  @Override
  public void run() {
    begun.set(true);
    try {
      if (running()) {
        redriveAll();
      }
      state.compareAndSet(State.RUNNING, State.COMPLETED);
    } catch (InterruptException e) {
      state.compareAndSet(State.RUNNING, State.CANCELLED); // cancelled during a Kafka call
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      end();
    }
  }

  /** Stops the task; false when it had ended already. */
  boolean cancel() {
    if (!state.compareAndSet(State.RUNNING, State.CANCELLED)) {
      return false;
    }
    Future<?> running = future;
    if (running != null) {
      running.cancel(true);
    }
    if (!begun.get()) {
      end(); // cancelled before a thread took it: run() never comes
    }
    return true;
  }

  TaskView view() {
    Instant end = finished;
    return new TaskView(
        id,
        "redrive",
        state.get().name().toLowerCase(Locale.ROOT),
        channel.type(),
        moved.get(),
        skipped.get(),
        examined.get(),
        total,
        started.toString(),
        end == null ? null : end.toString(),
        error);
  }

  private void redriveAll() {
    Pacer pacer = new Pacer(rate);
    List<CompletableFuture<Redrive>> pending = new ArrayList<>();
    try (Consumer<String, byte[]> consumer = tools.kafka().consumer()) {
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        TopicPartition partition = end.getKey();
        consumer.assign(List.of(partition));
        consumer.seek(partition, floors.get(partition));
        long progressAt = System.nanoTime();
        while (running() && consumer.position(partition) < end.getValue()) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.offset() >= end.getValue() || !running()) {
              break;
            }
            examined.incrementAndGet();
            progressAt = System.nanoTime();
            if (filter.matches(record)) {
              redrive(record, pacer, pending);
            }
          }
          stalled(partition, progressAt);
        }
      }
      for (CompletableFuture<Redrive> sent : pending) {
        tools.kafka().await(sent, "redriving a dead letter of " + topic());
      }
    }
  }

  /** Parks the task's thread; a cancel interrupts it. */
  private static boolean park(long nanos) {
    LockSupport.parkNanos(nanos);
    return Thread.currentThread().isInterrupted();
  }

  private void redrive(
      ConsumerRecord<String, byte[]> record,
      Pacer pacer,
      List<CompletableFuture<Redrive>> pending) {
    EntryId entry = new EntryId(channel.channel(), record.partition(), record.offset());
    if (tools.marks().find(entry).isPresent()) {
      skipped.incrementAndGet();
      return;
    }
    boolean cancelled;
    try {
      cancelled = !pacer.await(RedriveTask::park);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelled = true;
    }
    if (cancelled) {
      throw new InterruptException(new InterruptedException("cancelled"));
    }
    // counted before the future the task waits on completes, so an ended task shows every move
    CompletableFuture<Redrive> sent =
        tools
            .redriver()
            .send(channel, record, entry, id)
            .thenApply(
                redrive -> {
                  moved.incrementAndGet();
                  tools.counts().redriven(1);
                  return redrive;
                });
    pending.add(sent);
    pending.removeIf(done -> done.isDone() && !done.isCompletedExceptionally());
    pending.stream()
        .filter(CompletableFuture::isCompletedExceptionally)
        .findFirst()
        .ifPresent(failed -> tools.kafka().await(failed, "redriving a dead letter of " + topic()));
  }

  private void stalled(TopicPartition partition, long progressAt) {
    if (System.nanoTime() - progressAt > tools.kafka().timeout().toNanos()) {
      throw new DeadLetterException.Unavailable(
          "reading " + partition + " made no progress within " + tools.kafka().timeout(), null);
    }
  }

  private void fail(RuntimeException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (state.compareAndSet(State.RUNNING, State.FAILED)) {
      error = message;
      LOG.warning("Redrive task " + id + " of " + topic() + " failed: " + message);
    }
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      finished = Instant.now();
      onEnd.run();
    }
  }
}
