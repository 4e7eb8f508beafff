package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The only handler the benchmark runs: does nothing with the event but count it, note when the
 * count reached each of its {@link Marks}, and, when the event carries {@value #SENT}, record the
 * time from its publish to this call. Whether it is {@link #blocking()} is switched at run time,
 * between scenarios: Herald asks it for every event.
 */
@ApplicationScoped
public class BenchmarkHandler implements EventHandler {

  /** The catalog type every scenario uses. */
  public static final String TYPE = "chat.message.received";

  /** Extension: when the event was meant to be published, as {@link System#nanoTime()}. */
  public static final String SENT = "benchsent";

  private volatile boolean blocking;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong recorded = new AtomicLong();
  private final LongAccumulator lastAt = new LongAccumulator(Long::max, 0);
  private volatile Marks marks = Marks.none();
  private volatile Recorder latencies = new Recorder(3);
  private volatile CountDownLatch awaited = new CountDownLatch(0);

  @Override
  public String name() {
    return "benchmark";
  }

  /**
   * Non-blocking, a no-op runs on the channel's thread; blocking (the default of {@link
   * EventHandler}, so a user's usual case), it runs on a managed thread.
   */
  @Override
  public boolean blocking() {
    return blocking;
  }

  /** From the next event on, Herald runs this handler as blocking or not. */
  public void blocking(boolean blocking) {
    this.blocking = blocking;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return TYPE.equals(event.type());
  }

  @Override
  public void handle(CloudEvent event) {
    long now = System.nanoTime();
    marks.reached(handled.incrementAndGet(), now);
    lastAt.accumulate(now);
    String sent = event.extension(SENT);
    if (sent != null) {
      latencies.recordValue(Math.max(0, now - Long.parseLong(sent)));
      recorded.incrementAndGet();
      awaited.countDown();
    }
  }

  /** Starts counting anew; the times at which the count reaches each mark are kept. */
  public void reset(Marks marks) {
    handled.set(0);
    recorded.set(0);
    lastAt.reset();
    latencies = new Recorder(3);
    this.marks = marks;
  }

  /**
   * A latch that each recorded latency counts down from {@code count}; a caller counts down the
   * events it knows will never arrive.
   */
  public CountDownLatch expect(long count) {
    CountDownLatch latch = new CountDownLatch(Math.toIntExact(count));
    awaited = latch;
    return latch;
  }

  public Counts counts() {
    return new Counts(handled.get(), recorded.get(), lastAt.get());
  }

  /** The windows between the marks reached since the last reset. */
  public List<Timing> runs() {
    return marks.windows();
  }

  /** The latencies recorded since the last reset, as a compressed, Base64-encoded histogram. */
  public String latencies() {
    return compressed(latencies.getIntervalHistogram());
  }

  /** A histogram in HdrHistogram's compressed form, Base64-encoded, as runs return it. */
  static String compressed(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  /**
   * What the handler saw since the last reset.
   *
   * @param lastAt when the latest event arrived ({@link System#nanoTime()} of the server), 0 before
   *     the first
   */
  public record Counts(long handled, long recorded, long lastAt) {}
}
