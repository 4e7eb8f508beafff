package dev.herald.benchmark.server;

import dev.herald.metrics.HeraldMetrics;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Herald's side of the consume scenarios: its channel for the benchmark type, paused since the
 * start, is resumed on a backlog and paused again once it has read it; the {@link BenchmarkHandler}
 * counts its progress and times its runs, Herald's metrics count what it dead-lettered.
 */
@ApplicationScoped
public class ChannelBench {

  @Inject PlainKafka kafka;
  @Inject ChannelRegistry registry;
  @Inject BenchmarkHandler handler;
  @Inject HeraldMetrics metrics;

  private volatile long deadLetteredBefore;

  /**
   * Resumes the channel on a backlog of {@code backlog} records, whose last {@code runs} windows of
   * {@code window} events are timed. The handler counts from zero again.
   */
  public void resume(long backlog, int runs, long window) {
    handler.reset(Marks.lastWindows(backlog, runs, window));
    deadLetteredBefore = deadLettered();
    Channels.pausable(registry, kafka.channel().channel()).resume();
  }

  /** Resumes the channel without counting anew. */
  public void resume() {
    Channels.pausable(registry, kafka.channel().channel()).resume();
  }

  /** Stops the channel's demand; records already requested are still handled. */
  public void pause() {
    Channels.pausable(registry, kafka.channel().channel()).pause();
  }

  /** What the channel did since it was resumed. */
  public ChannelProgress progress() {
    BenchmarkHandler.Counts counts = handler.counts();
    return new ChannelProgress(
        counts.handled(), deadLettered() - deadLetteredBefore, 0, counts.lastAt(), handler.runs());
  }

  /** Records of the benchmark type Herald dead-lettered since it started. */
  public long deadLettered() {
    HeraldMetrics.TypeTotals totals = metrics.typeTotals().get(BenchmarkHandler.TYPE);
    return totals == null ? 0 : totals.deadLettered();
  }
}
