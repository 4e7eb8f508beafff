package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes through Herald's {@link EventPublisher} at a fixed rate and collects the time from each
 * event's publish to the handler's call. Each event is stamped with the time it was meant to be
 * sent ({@link FixedRate}), so a publisher that falls behind shows in the latency instead of hiding
 * it (no coordinated omission). Events of the warm-up seconds are handled but not recorded.
 */
@ApplicationScoped
public class LatencyBench {

  @Inject EventPublisher publisher;
  @Inject BenchmarkHandler handler;

  public LatencyRun run(
      CloudEvent template, String run, int rate, int warmupSeconds, int seconds, int drainSeconds)
      throws InterruptedException {
    long warmup = (long) rate * warmupSeconds;
    long total = warmup + (long) rate * seconds;
    LongAdder failed = new LongAdder();
    handler.reset(Marks.none());
    CountDownLatch arrived = handler.expect(total - warmup);
    FixedRate schedule = new FixedRate(rate);
    for (long i = 0; i < total; i++) {
      long due = schedule.awaitDue(i);
      CloudEvent.Builder event = BenchEvents.copy(template, run, i).toBuilder();
      boolean measuredEvent = i >= warmup;
      if (measuredEvent) {
        event.extension(BenchmarkHandler.SENT, Long.toString(due));
      }
      publisher
          .publish(event.build())
          .whenComplete(
              (receipt, error) -> {
                if (error != null) {
                  failed.increment();
                  if (measuredEvent) {
                    arrived.countDown();
                  }
                }
              });
    }
    long publishedAt = System.nanoTime();
    long measured = total - warmup;
    // every measured event recorded or failed, or the drain time is over
    arrived.await(drainSeconds, TimeUnit.SECONDS);
    return new LatencyRun(
        rate,
        total,
        measured,
        handler.counts().recorded(),
        failed.sum(),
        publishedAt - schedule.start(),
        System.nanoTime() - publishedAt,
        handler.latencies());
  }

  /**
   * One rate's result.
   *
   * @param published every event sent, warm-up included
   * @param measured the events sent after the warm-up
   * @param recorded the measured events the handler saw before the drain time ran out
   * @param publishNanos how long publishing took (the intended time is {@code published / rate})
   * @param drainNanos how long after the last publish the handler took to see every event
   * @param histogram the latencies in nanoseconds, HdrHistogram's compressed form, Base64
   */
  public record LatencyRun(
      int rate,
      long published,
      long measured,
      long recorded,
      long failed,
      long publishNanos,
      long drainNanos,
      String histogram) {}
}
