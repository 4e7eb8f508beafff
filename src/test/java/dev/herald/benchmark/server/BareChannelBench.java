package dev.herald.benchmark.server;

import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.eclipse.microprofile.config.Config;

/**
 * The bare channel's side of the consume scenario: {@link BareChannel}, paused since the start, is
 * resumed on its group's backlog of the benchmark topic and paused again once it has read it; this
 * counts its records and times its runs.
 */
@ApplicationScoped
public class BareChannelBench {

  private static final String PREFIX = "mp.messaging.incoming." + BareChannel.CHANNEL + ".";

  @Inject ChannelRegistry registry;
  @Inject PlainKafka kafka;
  @Inject Config config;

  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final LongAccumulator lastAt = new LongAccumulator(Long::max, 0);
  private volatile Marks marks = Marks.none();

  /** The records the bare channel's group has still to read on the benchmark topic. */
  public long backlog() throws Exception {
    String topic = config.getValue(PREFIX + "topic", String.class);
    if (!topic.equals(kafka.channel().topic())) {
      throw new IllegalStateException(
          PREFIX
              + "topic is "
              + topic
              + ", not the benchmark type's topic "
              + kafka.channel().topic());
    }
    return Backlog.of(kafka.admin(), topic, group()).size();
  }

  public String group() {
    return config.getValue(PREFIX + "group.id", String.class);
  }

  /**
   * Resumes the channel on a backlog of {@code backlog} records, whose last {@code runs} windows of
   * {@code window} records are timed; counts from zero again.
   */
  public void resume(long backlog, int runs, long window) {
    handled.set(0);
    failed.set(0);
    lastAt.reset();
    marks = Marks.lastWindows(backlog, runs, window);
    Channels.pausable(registry, BareChannel.CHANNEL).resume();
  }

  public void pause() {
    Channels.pausable(registry, BareChannel.CHANNEL).pause();
  }

  /** A record decoded, validated and acknowledged. */
  public void handled() {
    long now = System.nanoTime();
    marks.reached(handled.incrementAndGet(), now);
    lastAt.accumulate(now);
  }

  /** A record refused. */
  public void failed() {
    failed.incrementAndGet();
    lastAt.accumulate(System.nanoTime());
  }

  public ChannelProgress progress() {
    return new ChannelProgress(handled.get(), 0, failed.get(), lastAt.get(), marks.windows());
  }
}
