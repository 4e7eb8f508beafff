package dev.herald.benchmark.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The receiving end of the plain clients' latency: a {@link KafkaConsumer} polling on a thread of
 * its own, assigned every partition of its topic from the start, that records for each measured
 * record (one with the {@value #SENT} header, as Herald's measured events have) the time from when
 * it was due to its poll. Closing stops the thread, which closes the consumer.
 */
final class LatencyConsumer implements AutoCloseable {

  /** The header of {@link BenchmarkHandler#SENT}, as the CloudEvents binding writes it. */
  static final String SENT = "ce_" + BenchmarkHandler.SENT;

  private static final Duration POLL = Duration.ofMillis(100);
  private static final long WAIT_SECONDS = 60;

  private final Map<String, Object> settings;
  private final List<TopicPartition> partitions;
  private final CountDownLatch arrived;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Recorder latencies = new Recorder(3);
  private final AtomicLong recorded = new AtomicLong();
  private final Thread thread;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean stopped;
  private volatile RuntimeException failure;

  private LatencyConsumer(
      ThreadFactory threads,
      Map<String, Object> settings,
      List<TopicPartition> partitions,
      CountDownLatch arrived) {
    this.settings = settings;
    this.partitions = partitions;
    this.arrived = arrived;
    this.thread = threads.newThread(this::poll);
  }

  /**
   * Starts polling {@code partitions} with the consumer {@code settings}; each measured record
   * counts {@code arrived} down. Returns once the consumer knows where each partition starts.
   */
  static LatencyConsumer start(
      ThreadFactory threads,
      Map<String, Object> settings,
      List<TopicPartition> partitions,
      CountDownLatch arrived)
      throws InterruptedException {
    LatencyConsumer consumer = new LatencyConsumer(threads, settings, partitions, arrived);
    consumer.thread.start();
    if (!consumer.ready.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      consumer.close();
      throw new IllegalStateException(
          "the plain latency consumer found no start of "
              + partitions
              + " in "
              + WAIT_SECONDS
              + " s");
    }
    consumer.rethrow();
    return consumer;
  }

  long recorded() {
    return recorded.get();
  }

  /** The latencies recorded, in nanoseconds, compressed and Base64-encoded. */
  String latencies() {
    return BenchmarkHandler.compressed(latencies.getIntervalHistogram());
  }

  /** Stops polling and waits for the consumer to close; throws what stopped it before, if any. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    KafkaConsumer<byte[], byte[]> polling = consumer;
    if (polling != null) {
      polling.wakeup();
    }
    thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    if (thread.isAlive()) {
      throw new IllegalStateException(
          "the plain latency consumer of "
              + partitions
              + " did not stop in "
              + WAIT_SECONDS
              + " s");
    }
    rethrow();
  }

  private void poll() {
    try (KafkaConsumer<byte[], byte[]> polling =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = polling;
      polling.assign(partitions);
      polling.seekToBeginning(partitions);
      // resolves each start now rather than on the first poll, after the producer began
      partitions.forEach(polling::position);
      ready.countDown();
      while (!stopped) {
        for (ConsumerRecord<byte[], byte[]> record : polling.poll(POLL)) {
          long now = System.nanoTime();
          Header sent = record.headers().lastHeader(SENT);
          if (sent != null) {
            long due = Long.parseLong(new String(sent.value(), StandardCharsets.UTF_8));
            latencies.recordValue(Math.max(0, now - due));
            recorded.incrementAndGet();
            arrived.countDown();
          }
        }
      }
    } catch (WakeupException e) {
      // closed: the run is over
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      ready.countDown();
    }
  }

  private void rethrow() {
    if (failure != null) {
      throw new IllegalStateException(
          "the plain latency consumer of " + partitions + " failed: " + failure, failure);
    }
  }
}
