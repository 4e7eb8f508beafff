package dev.herald.benchmark.server;

import dev.herald.channels.EventChannel;
import dev.herald.metrics.EventStatistics;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the benchmark topic's backlog: with a plain {@link KafkaConsumer} loop that parses each
 * value, or by resuming Herald's channel (paused since the start), whose progress the {@link
 * BenchmarkHandler} counts.
 */
@ApplicationScoped
public class ConsumeBench {

  private static final JsonMapper JSON = JsonMapper.shared();

  @Inject PlainKafka kafka;
  @Inject ChannelRegistry registry;
  @Inject BenchmarkHandler handler;
  @Inject EventStatistics statistics;

  private volatile long deadLetteredBefore;

  /**
   * Reads the whole topic from the start in a new group, as a service without Herald would: parse
   * the JSON value, read the event id header. The time runs from the {@code warmup}-th record.
   */
  public Timing plain(int warmup) throws Exception {
    String topic = kafka.channel().topic();
    String group = "bench-plain-" + UUID.randomUUID();
    long total = Backlog.of(kafka.admin(), topic, group);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            kafka.consumer(group), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long seen = 0;
      long unreadable = 0;
      long warmAt = System.nanoTime();
      long lastAt = warmAt;
      long deadline = warmAt + TimeUnit.MINUTES.toNanos(5);
      while (seen < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (!readable(record)) {
            unreadable++;
          }
          lastAt = System.nanoTime();
          if (++seen == warmup) {
            warmAt = lastAt;
          }
        }
      }
      return new Timing(seen - warmup, lastAt - warmAt, unreadable + total - seen);
    }
  }

  /**
   * Resumes Herald's channel and returns how many records it has to read: the topic's end offsets
   * less what its group committed. The handler counts from zero again.
   */
  public long resumeHerald(int warmup) throws Exception {
    EventChannel channel = kafka.channel();
    long backlog = Backlog.of(kafka.admin(), channel.topic(), channel.groupId());
    handler.reset(warmup);
    deadLetteredBefore = deadLettered();
    PausableChannel pausable = registry.getPausable(channel.channel());
    if (pausable == null) {
      throw new IllegalStateException(
          "Channel "
              + channel.channel()
              + " is not pausable: the benchmark deployment's configuration sets mp.messaging.incoming."
              + channel.channel()
              + ".pausable=true");
    }
    pausable.resume();
    return backlog;
  }

  /** What Herald's channel did since it was resumed. */
  public Progress progress() {
    BenchmarkHandler.Counts counts = handler.counts();
    return new Progress(
        counts.handled(), deadLettered() - deadLetteredBefore, counts.warmAt(), counts.lastAt());
  }

  /**
   * @param handled events the handler saw
   * @param deadLettered records the channel sent to its dead-letter topic instead
   */
  public record Progress(long handled, long deadLettered, long warmAt, long lastAt) {}

  private long deadLettered() {
    EventStatistics.TypeTotals totals = statistics.types().get(BenchmarkHandler.TYPE);
    return totals == null ? 0 : totals.deadLettered();
  }

  private static boolean readable(ConsumerRecord<String, byte[]> record) {
    Header id = record.headers().lastHeader("ce_id");
    JsonNode data = JSON.readTree(record.value());
    return id != null
        && !new String(id.value(), StandardCharsets.UTF_8).isEmpty()
        && data.isObject();
  }
}
