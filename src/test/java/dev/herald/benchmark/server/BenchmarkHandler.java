package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only handler the benchmark runs: does nothing with the event but count it and, when the event
 * carries {@value #SENT}, record the time from its publish to this call.
 */
@ApplicationScoped
public class BenchmarkHandler implements EventHandler {

  /** The catalog type every scenario uses. */
  public static final String TYPE = "chat.message.received";

  /** Extension: when the event was meant to be published, as {@link System#nanoTime()}. */
  public static final String SENT = "benchsent";

  @Inject
  @ConfigProperty(name = "herald.bench.blocking-handler", defaultValue = "false")
  boolean blockingHandler;

  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong recorded = new AtomicLong();
  private final LongAccumulator lastAt = new LongAccumulator(Long::max, 0);
  private volatile long warmupEvents;
  private volatile long warmAt;
  private volatile Recorder latencies = new Recorder(3);
  private volatile CountDownLatch awaited = new CountDownLatch(0);

  @Override
  public String name() {
    return "benchmark";
  }

  /**
   * A no-op is non-blocking, so it runs on the channel's thread; {@code
   * -Dherald.bench.blocking-handler=true} measures the path of a blocking handler instead.
   */
  @Override
  public boolean blocking() {
    return blockingHandler;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return TYPE.equals(event.type());
  }

  @Override
  public void handle(CloudEvent event) {
    long now = System.nanoTime();
    if (handled.incrementAndGet() == warmupEvents) {
      warmAt = now;
    }
    lastAt.accumulate(now);
    String sent = event.extension(SENT);
    if (sent != null) {
      latencies.recordValue(Math.max(0, now - Long.parseLong(sent)));
      recorded.incrementAndGet();
      awaited.countDown();
    }
  }

  /** Starts counting anew; the time at which the {@code warmupEvents}-th event arrives is kept. */
  public void reset(long warmupEvents) {
    this.warmupEvents = warmupEvents;
    warmAt = 0;
    lastAt.reset();
    handled.set(0);
    recorded.set(0);
    latencies = new Recorder(3);
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
    return new Counts(handled.get(), recorded.get(), warmupEvents, warmAt, lastAt.get());
  }

  /** The latencies recorded since the last reset, as a compressed, Base64-encoded histogram. */
  public String latencies() {
    Histogram histogram = latencies.getIntervalHistogram();
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  /**
   * What the handler saw since the last reset; times are {@link System#nanoTime()} of the server.
   *
   * @param warmAt when the {@code warmupEvents}-th event arrived, 0 before
   * @param lastAt when the latest event arrived, 0 before the first
   */
  public record Counts(long handled, long recorded, long warmupEvents, long warmAt, long lastAt) {}
}
