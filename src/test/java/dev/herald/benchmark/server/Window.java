package dev.herald.benchmark.server;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/**
 * Sends items asynchronously with at most {@value #SIZE} unacknowledged at a time, as a busy caller
 * of a publisher would, and waits for every acknowledgement.
 */
final class Window {

  /** Below the 20,000 messages the publisher's emitter buffers before it refuses more. */
  static final int SIZE = 10_000;

  private static final Logger LOG = Logger.getLogger(Window.class.getName());

  private Window() {}

  /** Sends every item and returns the time until the last acknowledgement. */
  static <T> Timing sendAll(List<T> items, Function<T, CompletionStage<?>> send)
      throws InterruptedException {
    return sendEach(items.size(), items::get, send);
  }

  /**
   * Sends items {@code 0} to {@code count - 1}, each made just before it is sent (so that a large
   * count does not sit in the heap at once); returns the time until the last acknowledgement.
   */
  static <T> Timing sendEach(int count, IntFunction<T> item, Function<T, CompletionStage<?>> send)
      throws InterruptedException {
    Semaphore window = new Semaphore(SIZE);
    CountDownLatch done = new CountDownLatch(count);
    LongAdder failed = new LongAdder();
    AtomicReference<Throwable> first = new AtomicReference<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      window.acquire();
      send.apply(item.apply(i))
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failed.increment();
                  first.compareAndSet(null, error);
                }
                window.release();
                done.countDown();
              });
    }
    if (!done.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(done.getCount() + " sends not acknowledged in 5 minutes");
    }
    if (first.get() != null) {
      LOG.warning(failed.sum() + " of " + count + " sends failed; the first with " + first.get());
    }
    return new Timing(count, System.nanoTime() - start, failed.sum());
  }
}
