package dev.herald.stream;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.StreamSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Opens live streams and ends them all when the application stops. At most {@code
 * herald.stream.max-clients} are open at once; each has a consumer of its own, assigned to the
 * partitions of the topics it reads, without a group (so no group per client, nothing committed),
 * and a managed thread. A watchdog on the managed scheduler looks at every open stream now and then
 * (every second, or a quarter of the send timeout), to drop a client whose write blocks.
 */
@ApplicationScoped
public class Streams {

  private static final Logger LOG = Logger.getLogger(Streams.class.getName());

  /** Timeout of the broker calls that fix where a new stream starts. */
  static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

  /** How long stopping the application waits for the streams' threads. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);

  @Inject KafkaClients clients;
  @Inject EventChannels channels;
  @Inject StreamSettings settings;
  @Inject StreamMonitor monitor;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** Runs the watchdog that drops clients whose writes block beyond the send timeout. */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<LiveStream, Thread> open = new ConcurrentHashMap<>();
  private final AtomicLong numbers = new AtomicLong();
  private Semaphore slots;
  private ScheduledFuture<?> watchdog;
  private volatile boolean stopping;

  /**
   * Opens a stream to {@code sink}: fixes where it starts (the end of every partition, or the
   * request's position) and starts it on a thread of its own. Nothing is written before this
   * returns, so a refusal is still a plain HTTP answer.
   *
   * @param callerTenants the caller's tenants; null when it is bound to none
   * @throws StreamRefusedException what to change: a bad request, another tenant, too many streams,
   *     or no broker
   */
  public void open(StreamRequest request, Set<String> callerTenants, StreamSink sink) {
    StreamFilter filter = StreamFilter.of(request, callerTenants);
    List<EventChannel> read = filter.channels(channels.all());
    if (stopping) {
      throw new StreamRefusedException(
          StreamRefusedException.Reason.UNAVAILABLE, "The server is stopping; connect again soon");
    }
    if (!slots.tryAcquire()) {
      throw new StreamRefusedException(
          StreamRefusedException.Reason.BUSY,
          settings.maxClients()
              + " live streams are open, as many as "
              + StreamSettings.MAX_CLIENTS.key()
              + " allows; connect again later, or raise the limit");
    }
    String name = "herald-stream-" + numbers.incrementAndGet();
    Consumer<String, byte[]> consumer = null;
    try {
      consumer = clients.consumer(consumerSettings(name));
      StartPositions start = start(consumer, read, request.from());
      LiveStream stream =
          new LiveStream(
              name,
              consumer,
              filter,
              start,
              sink,
              settings,
              monitor,
              System::nanoTime,
              (ending, why) -> ended(ending));
      Thread thread = threads.newThread(stream);
      thread.setName(name);
      open.put(stream, thread);
      try {
        thread.start();
      } catch (RuntimeException e) {
        open.remove(stream);
        throw new IllegalStateException("no thread for the stream: " + e, e);
      }
      monitor.opened();
    } catch (KafkaException | StreamRefusedException | IllegalStateException e) {
      slots.release();
      if (consumer != null) {
        consumer.close(Duration.ZERO);
      }
      if (e instanceof StreamRefusedException refused) {
        throw refused;
      }
      throw new StreamRefusedException(
          StreamRefusedException.Reason.UNAVAILABLE,
          "Cannot read where the stream starts: " + e.getMessage() + "; connect again soon",
          e);
    }
  }

  /** Streams open now. */
  public int openStreams() {
    return open.size();
  }

  /**
   * Ends every stream and waits for their threads, so that no consumer outlives the application.
   */
  @PreDestroy
  void stop() {
    stopping = true;
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    List<Map.Entry<LiveStream, Thread>> running = new ArrayList<>(open.entrySet());
    running.forEach(entry -> entry.getKey().stop());
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (Map.Entry<LiveStream, Thread> entry : running) {
      try {
        entry
            .getValue()
            .join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (entry.getValue().isAlive()) {
        LOG.warning(entry.getValue().getName() + " did not end within " + STOP_WAIT);
      }
    }
  }

  private void ended(LiveStream stream) {
    if (open.remove(stream) != null) {
      slots.release();
    }
  }

  @PostConstruct
  void init() {
    slots = new Semaphore(settings.maxClients());
    long every = Math.max(100, Math.min(1000, settings.sendTimeout().toMillis() / 4));
    watchdog =
        scheduler.scheduleAtFixedRate(
            () -> open.keySet().forEach(LiveStream::watch), every, every, TimeUnit.MILLISECONDS);
  }

  /** The partitions of the topics read, and where the stream starts in each. */
  private static StartPositions start(
      Consumer<String, byte[]> consumer, List<EventChannel> read, Position from) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (EventChannel channel : read) {
      List<PartitionInfo> found = consumer.partitionsFor(channel.topic(), KAFKA_TIMEOUT);
      if (found == null || found.isEmpty()) {
        LOG.log(Level.FINE, "Topic " + channel.topic() + " does not exist yet: not streamed");
        continue;
      }
      found.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    }
    if (partitions.isEmpty()) {
      throw new StreamRefusedException(
          StreamRefusedException.Reason.UNAVAILABLE,
          "None of the topics of the types asked for exists yet; connect again once Herald created"
              + " them");
    }
    Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
    return StartPositions.resolve(from, beginning, end);
  }

  /** Its own consumer: no group, nothing committed; an offset outside the log is reported. */
  static Map<String, Object> consumerSettings(String name) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
    // even when a group is configured for the connector: a stream joins none
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, null);
    settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, null);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // a position deleted or beyond the log is a reset the client is told of, never a silent jump
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    // a stream's buffers stay small: a slow client is held back in Kafka, not in memory
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024);
    settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
    // nothing reads a stream consumer's metrics: no JMX MBeans, no push to the broker (KIP-714);
    // its own metrics (some 900 for every type's 42 partitions) are most of its 1.2 MB of heap
    settings.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
    settings.put(ConsumerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
    return settings;
  }
}
