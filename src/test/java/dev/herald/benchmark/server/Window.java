package dev.herald.benchmark.server;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Sends items asynchronously with at most {@value #SIZE} unacknowledged at a time, as a busy caller
 * of a publisher would, and waits for every acknowledgement.
 */
final class Window {

  /** Below the 20,000 messages the publisher's emitter buffers before it refuses more. */
  static final int SIZE = 10_000;

  private Window() {}

  /** Sends every item and returns the time until the last acknowledgement. */
  static <T> Timing sendAll(List<T> items, Function<T, CompletionStage<?>> send)
      throws InterruptedException {
    Semaphore window = new Semaphore(SIZE);
    CountDownLatch done = new CountDownLatch(items.size());
    LongAdder failed = new LongAdder();
    long start = System.nanoTime();
    for (T item : items) {
      window.acquire();
      send.apply(item)
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failed.increment();
                }
                window.release();
                done.countDown();
              });
    }
    if (!done.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(done.getCount() + " sends not acknowledged in 5 minutes");
    }
    return new Timing(items.size(), System.nanoTime() - start, failed.sum());
  }
}
