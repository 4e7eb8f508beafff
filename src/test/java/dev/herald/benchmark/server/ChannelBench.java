package dev.herald.benchmark.server;

import dev.herald.config.EventChannel;
import dev.herald.metrics.HeraldMetrics;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Herald's side of the consume scenario: its channel for the benchmark type, paused since the
 * start, is resumed on the backlog; the {@link BenchmarkHandler} counts its progress.
 */
@ApplicationScoped
public class ChannelBench {

  @Inject PlainKafka kafka;
  @Inject ChannelRegistry registry;
  @Inject BenchmarkHandler handler;
  @Inject HeraldMetrics metrics;

  private volatile long deadLetteredBefore;

  /**
   * Resumes the channel and returns how many records it has to read: the topic's end offsets less
   * what its group committed. The handler counts from zero again.
   */
  public long resume(int warmup) throws Exception {
    EventChannel channel = kafka.channel();
    long backlog = Backlog.of(kafka.admin(), channel.topic(), channel.groupId());
    handler.reset(warmup);
    deadLetteredBefore = deadLettered();
    PausableChannel pausable = registry.getPausable(channel.channel());
    if (pausable == null) {
      throw new IllegalStateException(
          "Channel "
              + channel.channel()
              + " is not pausable: the benchmark deployment's configuration sets"
              + " mp.messaging.incoming."
              + channel.channel()
              + ".pausable=true; a channel with a concurrency setting cannot be paused");
    }
    pausable.resume();
    return backlog;
  }

  /** What the channel did since it was resumed. */
  public Progress progress() {
    BenchmarkHandler.Counts counts = handler.counts();
    return new Progress(
        counts.handled(), deadLettered() - deadLetteredBefore, counts.warmAt(), counts.lastAt());
  }

  /**
   * @param handled events the handler saw
   * @param deadLettered records the channel sent to its dead-letter topic instead
   */
  public record Progress(long handled, long deadLettered, long warmAt, long lastAt) {}

  private long deadLettered() {
    HeraldMetrics.TypeTotals totals = metrics.typeTotals().get(BenchmarkHandler.TYPE);
    return totals == null ? 0 : totals.deadLettered();
  }
}
