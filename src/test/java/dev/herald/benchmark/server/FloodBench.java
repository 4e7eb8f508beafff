package dev.herald.benchmark.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Herald's side of the invalid flood: its channel, paused while the plain producer wrote a backlog
 * of schema-invalid events, is resumed and sends them all to its dead-letter topic. Herald's
 * metrics count the records dead-lettered; they are read every {@value #POLL_MILLIS} ms, which is
 * how precisely the runs' ends are known. The dead-letter topic must then hold as many new records.
 */
@ApplicationScoped
public class FloodBench {

  static final long POLL_MILLIS = 2;
  private static final long STALL_SECONDS = 30;
  private static final long MAX_SECONDS = 300;
  private static final long TOPIC_WAIT_SECONDS = 10;

  @Inject ChannelBench channel;
  @Inject BenchmarkHandler handler;
  @Inject PlainKafka kafka;

  /**
   * Resumes Herald's channel on {@code count} invalid records and waits until it dead-lettered them
   * all, or nothing moved for {@value #STALL_SECONDS} s (at most {@value #MAX_SECONDS} s); its last
   * {@code runs} windows of {@code count / (runs + 1)} records are timed.
   */
  public FloodRun drain(long count, int runs) throws Exception {
    String deadLetterTopic = kafka.channel().deadLetterTopic();
    long topicBefore = Backlog.written(kafka.admin(), deadLetterTopic);
    long before = channel.deadLettered();
    Marks marks = Marks.lastWindows(count, runs, count / (runs + 1));
    handler.reset(Marks.none());
    long start = System.nanoTime();
    long movedAt = start;
    long done = 0;
    channel.resume();
    while (done < count) {
      long now = System.nanoTime();
      long seen = channel.deadLettered() - before;
      if (seen != done) {
        done = seen;
        movedAt = now;
        marks.reached(done, now);
      } else if (now - movedAt >= TimeUnit.SECONDS.toNanos(STALL_SECONDS)
          || now - start >= TimeUnit.SECONDS.toNanos(MAX_SECONDS)) {
        break;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
    }
    long onTopic = Backlog.written(kafka.admin(), deadLetterTopic) - topicBefore;
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(TOPIC_WAIT_SECONDS);
    while (onTopic < done && System.nanoTime() < waitUntil) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      onTopic = Backlog.written(kafka.admin(), deadLetterTopic) - topicBefore;
    }
    return new FloodRun(
        count,
        done,
        handler.counts().handled(),
        onTopic,
        marks.windows(),
        Math.max(0, count - done));
  }

  /**
   * One flood's result.
   *
   * @param published invalid records written before the channel was resumed
   * @param deadLettered records Herald's metrics counted as dead-lettered since
   * @param handled events that reached the handler (none should)
   * @param deadLetterRecords records the dead-letter topic gained
   * @param runs the timed windows
   * @param failed published records not dead-lettered in time
   */
  public record FloodRun(
      long published,
      long deadLettered,
      long handled,
      long deadLetterRecords,
      List<Timing> runs,
      long failed) {}
}
