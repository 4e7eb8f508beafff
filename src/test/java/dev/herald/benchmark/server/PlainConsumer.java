package dev.herald.benchmark.server;

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
 * The consume baseline: a plain {@link KafkaConsumer} loop with the channel's settings that reads
 * the benchmark topic from the start, as a service without Herald would: parse the JSON value, read
 * the event id header.
 */
@ApplicationScoped
public class PlainConsumer {

  private static final JsonMapper JSON = JsonMapper.shared();

  @Inject PlainKafka kafka;

  /** Reads the whole topic in a new group; the time runs from the {@code warmup}-th record. */
  public Timing readAll(int warmup) throws Exception {
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

  private static boolean readable(ConsumerRecord<String, byte[]> record) {
    Header id = record.headers().lastHeader("ce_id");
    JsonNode data = JSON.readTree(record.value());
    return id != null
        && !new String(id.value(), StandardCharsets.UTF_8).isEmpty()
        && data.isObject();
  }
}
