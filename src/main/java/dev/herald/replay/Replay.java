package dev.herald.replay;

import dev.herald.config.EventChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replay's state, written by its task and read by requests at any time: the partitions' ranges
 * and positions, the counts, and how it ended. A cancel is a request the task sees within a poll.
 */
final class Replay {

  enum State {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A partition's fixed range and the next offset to replay. */
  static final class Progress {
    final PartitionRange range;
    private volatile long position;

    Progress(PartitionRange range) {
      this.range = range;
      this.position = range.start();
    }

    long position() {
      return position;
    }

    void advanceTo(long next) {
      position = Math.min(Math.max(position, next), range.end());
    }

    boolean done() {
      return position >= range.end();
    }
  }

  final String id;
  final EventChannel channel;
  final Set<String> handlers;
  final ReplayRequest request;
  final Instant startedAt = Instant.now();

  final AtomicLong read = new AtomicLong();
  final AtomicLong handled = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong notAccepted = new AtomicLong();

  private volatile List<Progress> partitions = List.of();
  private volatile State state = State.RUNNING;
  private volatile Instant finishedAt;
  private volatile String lastError;
  private volatile String error;
  private final CountDownLatch cancelRequest = new CountDownLatch(1);
  private final CountDownLatch end = new CountDownLatch(1);

  Replay(String id, EventChannel channel, Set<String> handlers, ReplayRequest request) {
    this.id = id;
    this.channel = channel;
    this.handlers = Collections.unmodifiableSet(handlers);
    this.request = request;
  }

  /** Fixes the ranges to read, once resolved at the start. */
  void plan(List<PartitionRange> ranges) {
    partitions = ranges.stream().map(Progress::new).toList();
  }

  List<Progress> partitions() {
    return partitions;
  }

  boolean running() {
    return state == State.RUNNING;
  }

  /** Whether a running replay of the same type hands events to one of these handlers. */
  boolean overlaps(String type, Set<String> others) {
    return running() && channel.type().equals(type) && others.stream().anyMatch(handlers::contains);
  }

  /** Asks the task to stop; it does within a poll or a handler call's wait. */
  void cancel() {
    cancelRequest.countDown();
  }

  boolean cancelRequested() {
    return cancelRequest.getCount() == 0;
  }

  /**
   * Waits up to {@code nanos}, or less when a cancel comes.
   *
   * @return whether a cancel came
   */
  boolean awaitCancel(long nanos) throws InterruptedException {
    return cancelRequest.await(nanos, TimeUnit.NANOSECONDS);
  }

  /** Waits up to {@code timeout} for the replay to end; whether it did. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return end.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A record failed, to read or in a handler: counted, and its error shown. */
  void recordFailed(int partition, long offset, String reason) {
    failed.incrementAndGet();
    lastError = "partition " + partition + ", offset " + offset + ": " + reason;
  }

  /** Ends the replay, once: later calls change nothing. */
  synchronized void finish(State how, String why) {
    if (state != State.RUNNING) {
      return;
    }
    error = why;
    finishedAt = Instant.now();
    state = how;
    end.countDown();
  }

  ReplayStatus status() {
    List<ReplayStatus.PartitionStatus> progress =
        partitions.stream()
            .map(
                p ->
                    new ReplayStatus.PartitionStatus(
                        p.range.partition(),
                        p.range.start(),
                        p.range.end(),
                        p.position(),
                        p.done()))
            .toList();
    return new ReplayStatus(
        id,
        channel.type(),
        channel.channel(),
        channel.topic(),
        List.copyOf(handlers),
        state.label(),
        request.from(),
        request.to(),
        progress,
        new ReplayStatus.Counts(read.get(), handled.get(), failed.get(), notAccepted.get()),
        startedAt,
        finishedAt,
        lastError,
        error);
  }
}
