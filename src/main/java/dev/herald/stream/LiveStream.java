package dev.herald.stream;

import dev.herald.api.CloudEvent;
import dev.herald.config.StreamSettings;
import dev.herald.events.EventDecodingException;
import dev.herald.events.JsonFormat;
import dev.herald.events.KafkaBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One open stream, on a thread of its own: reads its partitions with its own consumer (assigned, no
 * group, nothing committed) and writes each event its filter accepts to the client, with the
 * position after it as id. Records of other types or tenants, and records that are not CloudEvents,
 * are skipped; the position moves past them all the same. A comment goes out when nothing was
 * written for a heartbeat.
 *
 * <p>It ends when the client is gone (a write failed), when the client has not taken a write within
 * the send timeout, when reading fails, or when asked to stop; then it closes its consumer and the
 * response. A write is taken when the connection has it: at most {@code max-pending} wait for that,
 * and at the bound the stream stops reading. On Liberty a write of more than the connection's
 * buffer blocks the writing thread until the client reads (or Liberty's write timeout fails it), so
 * the send timeout is also watched from outside ({@link #watch}), which drops the client while its
 * thread is still blocked; the thread ends as soon as the write returns.
 */
final class LiveStream implements Runnable {

  private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

  /** Longest wait in one step, so that a stop is seen within it. */
  static final Duration STEP = Duration.ofMillis(200);

  /** Timeout of the broker calls a reset makes. */
  static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final Consumer<String, byte[]> consumer;
  private final StreamFilter filter;
  private final SortedMap<TopicPartition, Long> next;
  private final List<Reset> resets;
  private final StreamSink sink;
  private final StreamSettings settings;
  private final StreamMonitor monitor;
  private final LongSupplier nanos;
  private final PendingSends pending;
  private final BiConsumer<LiveStream, StreamEnd> ended;

  private volatile boolean stopping;
  private volatile boolean clientGone;

  /** When the write in progress began (nanos), 0 when none: a write may block the thread. */
  private volatile long writing;

  /** Why the server dropped the client, once decided; counted once. */
  private final AtomicReference<StreamEnd> dropped = new AtomicReference<>();

  private long lastWrite;

  LiveStream(
      String name,
      Consumer<String, byte[]> consumer,
      StreamFilter filter,
      StartPositions start,
      StreamSink sink,
      StreamSettings settings,
      StreamMonitor monitor,
      LongSupplier nanos,
      BiConsumer<LiveStream, StreamEnd> ended) {
    this.name = name;
    this.consumer = consumer;
    this.filter = filter;
    this.next = start.next();
    this.resets = start.resets();
    this.sink = sink;
    this.settings = settings;
    this.monitor = monitor;
    this.nanos = nanos;
    this.pending = new PendingSends(settings.maxPending(), nanos);
    this.ended = ended;
  }

  @Override
  public void run() {
    StreamEnd why = StreamEnd.ERROR;
    try {
      why = begin();
      while (why == null) {
        why = step();
      }
    } catch (WakeupException e) {
      why = ending();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = ending();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + " ended: reading its topics failed: " + e, e);
      why = drop(StreamEnd.ERROR);
    } finally {
      finish(why);
    }
  }

  /** Asks the stream to end; its thread sees it within {@link #STEP}, or once a write returns. */
  void stop() {
    stopping = true;
    consumer.wakeup();
  }

  /**
   * Drops the client if a write has waited longer than the send timeout, even while the stream's
   * thread is blocked in it; called from outside, now and then.
   */
  void watch() {
    if (dropped.get() == null && !stopping && stalled()) {
      drop(StreamEnd.SLOW);
      consumer.wakeup();
    }
  }

  /** Assigns the partitions at their first positions and greets the client; null to go on. */
  StreamEnd begin() throws InterruptedException {
    consumer.assign(next.keySet());
    next.forEach(consumer::seek);
    lastWrite = nanos.getAsLong();
    // the first write also sends the response's status and headers
    StreamEnd why = write(() -> sink.comment("herald live stream"));
    if (why == null && !resets.isEmpty()) {
      why = tellResets(resets);
    }
    return why;
  }

  /** One poll and what it brings, or a heartbeat; null to go on, else why the stream ends. */
  StreamEnd step() throws InterruptedException {
    StreamEnd why = check();
    if (why != null) {
      return why;
    }
    long quiet = nanos.getAsLong() - lastWrite;
    long untilHeartbeat = settings.heartbeat().toNanos() - quiet;
    if (untilHeartbeat <= 0) {
      return write(() -> sink.comment("heartbeat"));
    }
    ConsumerRecords<String, byte[]> records;
    try {
      records = consumer.poll(Duration.ofNanos(Math.min(STEP.toNanos(), untilHeartbeat)));
    } catch (OffsetOutOfRangeException e) {
      return reset(e.offsetOutOfRangePartitions());
    }
    int streamed = 0;
    for (ConsumerRecord<String, byte[]> record : records) {
      next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
      CloudEvent event = decode(record);
      if (event == null || !filter.accepts(event)) {
        continue;
      }
      String id = Position.encode(next);
      why = write(() -> sink.event(id, event.type(), JsonFormat.text(event)));
      if (why != null) {
        break;
      }
      streamed++;
    }
    if (streamed > 0) {
      monitor.streamed(streamed);
    }
    return why;
  }

  /** Closes the consumer and the response, then reports the end. */
  void finish(StreamEnd why) {
    try {
      consumer.close(Duration.ZERO); // no group: nothing to commit or leave
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, name + ": closing its consumer failed", e);
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, name + ": closing the response failed", e);
    }
    ended.accept(this, why);
  }

  /** The position after the last record read, as the next event's id would carry it. */
  Position position() {
    return new Position(next);
  }

  private StreamEnd check() {
    if (stopping || dropped.get() != null) {
      return ending();
    }
    if (clientGone || sink.isClosed()) {
      return StreamEnd.CLIENT_GONE;
    }
    if (stalled()) {
      return drop(StreamEnd.SLOW);
    }
    return null;
  }

  /** Why a stream asked to end ends: dropped, or stopped. */
  private StreamEnd ending() {
    StreamEnd why = dropped.get();
    return why == null ? StreamEnd.STOPPED : why;
  }

  /** Whether a write, handed over or still being handed over, has waited beyond the timeout. */
  private boolean stalled() {
    long since = writing;
    return (since != 0 && nanos.getAsLong() - since > settings.sendTimeout().toNanos())
        || pending.stalled(settings.sendTimeout());
  }

  /** Decides, once, that the server drops the client; told to the monitor at once. */
  private StreamEnd drop(StreamEnd why) {
    if (dropped.compareAndSet(null, why)) {
      LOG.info(name + " drops its client: " + why.tag());
      monitor.dropped(why);
    }
    stopping = true;
    return dropped.get();
  }

  /**
   * Hands one write to the connection once fewer than {@code max-pending} are unwritten; null when
   * it was handed over, else why the stream ends.
   */
  private StreamEnd write(Supplier<CompletionStage<?>> send) throws InterruptedException {
    while (!pending.awaitRoom(STEP)) {
      StreamEnd why = check();
      if (why != null) {
        return why;
      }
    }
    long ticket = pending.begin();
    CompletionStage<?> written;
    writing = nanos.getAsLong();
    try {
      written = send.get();
    } catch (IllegalStateException closed) {
      pending.end(ticket);
      return StreamEnd.CLIENT_GONE;
    } finally {
      writing = 0;
    }
    written.whenComplete(
        (ok, error) -> {
          if (error != null) {
            clientGone = true;
          }
          pending.end(ticket);
        });
    lastWrite = nanos.getAsLong();
    return null;
  }

  /** Partitions whose next offset left the log while the stream read: reset them. */
  private StreamEnd reset(Map<TopicPartition, Long> outOfRange) throws InterruptedException {
    Map<TopicPartition, Long> beginning =
        consumer.beginningOffsets(outOfRange.keySet(), KAFKA_TIMEOUT);
    List<Reset> found = new ArrayList<>();
    outOfRange.forEach(
        (partition, requested) -> {
          Reset reset =
              Reset.outOfRange(partition, requested, beginning.getOrDefault(partition, 0L));
          consumer.seek(partition, reset.resumed());
          next.put(partition, reset.resumed());
          found.add(reset);
        });
    found.sort((a, b) -> Position.ORDER.compare(a.partition(), b.partition()));
    return tellResets(found);
  }

  private StreamEnd tellResets(List<Reset> told) throws InterruptedException {
    LOG.info(name + " resets " + told + ": those records are no longer in their topics");
    String id = Position.encode(next);
    return write(() -> sink.event(id, "reset", Reset.data(told)));
  }

  /** The record's event; null, with a warning, when it is not a CloudEvent this stream can show. */
  private CloudEvent decode(ConsumerRecord<String, byte[]> record) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    try {
      CloudEvent event = KafkaBinding.decode(record.headers(), record.value());
      if (event.type().indexOf('\n') >= 0 || event.type().indexOf('\r') >= 0) {
        LOG.warning("Not streamed, its type holds a line break: " + where);
        return null;
      }
      return event;
    } catch (EventDecodingException e) {
      LOG.warning("Not streamed, not a CloudEvent: " + where + ": " + e.getMessage());
      return null;
    }
  }
}
