package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.events.EventDecodingException;
import dev.herald.events.KafkaBinding;
import dev.herald.schemas.EventValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consume baselines: a plain {@link KafkaConsumer} loop with the channel's settings and a group
 * id of its own (it commits nothing), assigned the topic's partitions from where Herald's group
 * starts, so that it reads exactly the backlog Herald's channel has to read (taken by {@link
 * #snapshot}): either as a service without Herald would read it (parse the JSON value, read the
 * event id header), or doing Herald's work per record (decode the CloudEvents binary mode with
 * {@link KafkaBinding}, validate, upcast to the latest version).
 */
@ApplicationScoped
public class PlainConsumer {

  private static final JsonMapper JSON = JsonMapper.shared();

  @Inject PlainKafka kafka;
  @Inject EventValidator validator;

  private volatile Backlog backlog;

  /** Takes the backlog of Herald's channel, which the loops then read; returns its size. */
  public long snapshot() throws Exception {
    backlog = Backlog.of(kafka.admin(), kafka.channel().topic(), kafka.channel().groupId());
    return backlog.size();
  }

  /** Parses each record of the backlog; its last {@code runs} windows are timed. */
  public Measured readAll(int runs, long window) {
    return read(runs, window, PlainConsumer::readable);
  }

  /** Decodes, validates and upcasts each record of the backlog, as Herald's channel does. */
  public Measured decodeAndValidate(int runs, long window) {
    return read(runs, window, this::valid);
  }

  private Measured read(int runs, long window, Predicate<ConsumerRecord<String, byte[]>> work) {
    Backlog range = backlog;
    if (range == null) {
      throw new IllegalStateException("no backlog taken: POST /api/bench/consume/backlog first");
    }
    long total = range.size();
    Marks marks = Marks.lastWindows(total, runs, window);
    String group = "bench-plain-" + UUID.randomUUID();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            kafka.consumer(group), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.copyOf(range.from().keySet()));
      range.from().forEach(consumer::seek);
      long seen = 0;
      long failed = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (seen < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= range.to().get(partition)) {
            continue;
          }
          if (!work.test(record)) {
            failed++;
          }
          marks.reached(++seen, System.nanoTime());
        }
      }
      return marks.measured(failed + total - seen);
    }
  }

  private static boolean readable(ConsumerRecord<String, byte[]> record) {
    try {
      Header id = record.headers().lastHeader("ce_id");
      JsonNode data = JSON.readTree(record.value());
      return id != null
          && !new String(id.value(), StandardCharsets.UTF_8).isEmpty()
          && data.isObject();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean valid(ConsumerRecord<String, byte[]> record) {
    try {
      CloudEvent event = KafkaBinding.decode(record.headers(), record.value());
      if (!validator.validate(event).isEmpty()) {
        return false;
      }
      validator.toLatest(event);
      return true;
    } catch (EventDecodingException | RuntimeException e) {
      return false;
    }
  }
}
