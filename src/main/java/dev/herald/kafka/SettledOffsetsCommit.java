package dev.herald.kafka;

import dev.herald.routing.Offsets;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A channel's commits: every {@code herald.consume.commit-interval-ms}, asynchronously, the
 * positions its {@link Offsets} moved to (never holding the channel up); synchronously for the
 * partitions revoked in a rebalance (after the handler calls running on them ended, for up to
 * {@code herald.consume.revoke-wait-ms}), and at the stop, after the records in hand are settled
 * (for up to {@code herald.consume.stop-wait-ms}). A record left unsettled longer than the
 * channel's {@code throttled.unprocessed-record-max-age.ms} fails the channel, so that health
 * reports it.
 */
final class SettledOffsetsCommit implements KafkaCommitHandler {

  private static final Logger LOG = Logger.getLogger(SettledOffsetsCommit.class.getName());
  private static final Duration FINAL_COMMIT_TIMEOUT = Duration.ofSeconds(10);

  private final String channel;
  private final Offsets offsets;
  private final Vertx vertx;
  private final KafkaConsumer<?, ?> consumer;
  private final BiConsumer<Throwable, Boolean> reportFailure;
  private final long maxRecordAgeMs;
  private final long stopWaitMs;
  private final long revokeWaitMs;
  private final long timer;
  private volatile boolean committing;
  private volatile boolean reportedStuck;

  SettledOffsetsCommit(
      String channel,
      Offsets offsets,
      Vertx vertx,
      KafkaConsumer<?, ?> consumer,
      BiConsumer<Throwable, Boolean> reportFailure,
      long commitIntervalMs,
      long maxRecordAgeMs,
      long stopWaitMs,
      long revokeWaitMs) {
    this.channel = channel;
    this.offsets = offsets;
    this.vertx = vertx;
    this.consumer = consumer;
    this.reportFailure = reportFailure;
    this.maxRecordAgeMs = maxRecordAgeMs;
    this.stopWaitMs = stopWaitMs;
    this.revokeWaitMs = revokeWaitMs;
    this.timer = vertx.setPeriodic(commitIntervalMs, ignored -> tick());
  }

  private void tick() {
    if (!committing) {
      Map<TopicPartition, Long> moved = offsets.toCommit();
      if (!moved.isEmpty()) {
        committing = true;
        commitOwned(consumer, moved)
            .subscribe()
            .with(
                ignored -> {},
                error -> {
                  LOG.log(Level.FINE, "Channel '" + channel + "' could not commit", error);
                  committing = false;
                });
      }
    }
    checkAge();
  }

  /**
   * Commits the positions of the partitions the consumer still has, on its polling thread: a
   * partition handed over since the positions were read keeps what its new owner commits (a late
   * commit of ours would move its offset back).
   */
  private <K, V> Uni<Void> commitOwned(
      KafkaConsumer<K, V> client, Map<TopicPartition, Long> moved) {
    return client.runOnPollingThread(
        (org.apache.kafka.clients.consumer.Consumer<K, V> kafka) -> {
          Map<TopicPartition, Long> owned = new HashMap<>(moved);
          owned.keySet().retainAll(kafka.assignment());
          if (owned.isEmpty()) {
            committing = false;
            return;
          }
          kafka.commitAsync(
              metadata(owned),
              (done, error) -> {
                if (error == null) {
                  offsets.committed(owned);
                } else {
                  // During a rebalance a commit is refused; the handover commits what moves.
                  LOG.log(
                      error instanceof RebalanceInProgressException
                              || error instanceof RetriableException
                          ? Level.FINE
                          : Level.WARNING,
                      "Channel '" + channel + "' could not commit " + owned + "; tries again",
                      error);
                }
                committing = false;
              });
        });
  }

  private void checkAge() {
    if (maxRecordAgeMs <= 0 || reportedStuck) {
      return;
    }
    long waited = offsets.oldestUnsettledMillis(System.currentTimeMillis());
    if (waited > maxRecordAgeMs) {
      reportedStuck = true;
      reportFailure.accept(
          new IllegalStateException(
              "Channel '"
                  + channel
                  + "' has a record unhandled for "
                  + waited / 1000
                  + " s, more than throttled.unprocessed-record-max-age.ms="
                  + maxRecordAgeMs
                  + ": a handler is stuck (give its retry policy an attempt-timeout-ms)"),
          true);
    }
  }

  @Override
  public void partitionsRevoked(Collection<TopicPartition> partitions) {
    // On the polling thread, inside the rebalance: the partitions go to their new owner only after
    // this returns, so what is committed here is where that owner starts.
    long start = System.nanoTime();
    Map<TopicPartition, Long> last = offsets.revoke(partitions, Duration.ofMillis(revokeWaitMs));
    long waited = System.nanoTime();
    if (!last.isEmpty()) {
      try {
        consumer.unwrap().commitSync(metadata(last));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Channel '"
                + channel
                + "' could not commit "
                + last
                + " for the partitions it hands over; their new owner handles the records after the"
                + " last commit again",
            e);
        return;
      }
    }
    LOG.info(
        "Channel '"
            + channel
            + "' handed over "
            + partitions
            + (last.isEmpty() ? "" : ", committed up to " + last)
            + " (waited "
            + TimeUnit.NANOSECONDS.toMillis(waited - start)
            + " ms for the handler calls running on them, committed in "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waited)
            + " ms)");
  }

  @Override
  public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
    // Acks come from the dead-letter queue after its write; routing settles the record itself.
    return Uni.createFrom().voidItem();
  }

  @Override
  public void terminate(boolean graceful) {
    offsets.close();
    vertx.cancelTimer(timer);
    if (graceful) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stopWaitMs);
      while (!offsets.idle() && System.nanoTime() - deadline < 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      if (!offsets.idle()) {
        LOG.warning(
            "Channel '"
                + channel
                + "' stops with records still in hand after herald.consume.stop-wait-ms="
                + stopWaitMs
                + "; they are not committed and come back at the next start");
      }
    }
    Map<TopicPartition, Long> last = offsets.toCommit();
    if (!last.isEmpty()) {
      try {
        consumer.commit(metadata(last)).await().atMost(FINAL_COMMIT_TIMEOUT);
        offsets.committed(last);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Channel '" + channel + "' could not commit " + last, e);
      }
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> metadata(Map<TopicPartition, Long> moved) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    moved.forEach((partition, position) -> offsets.put(partition, new OffsetAndMetadata(position)));
    return offsets;
  }
}
