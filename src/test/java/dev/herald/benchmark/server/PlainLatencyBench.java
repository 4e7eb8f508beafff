package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.benchmark.server.LatencyBench.LatencyRun;
import dev.herald.events.KafkaBinding;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The latency baseline: what the broker and the Kafka clients alone take from send to poll, in the
 * same JVM and with the same clock as {@link LatencyBench}. A plain {@link KafkaProducer} with
 * Herald's producer settings sends the records Herald's publisher would write (the same key, data
 * and {@code ce_*} headers, encoded with {@link KafkaBinding}) at the same fixed rate to a topic of
 * the run's own, shaped like Herald's benchmark topic, and a {@link LatencyConsumer} with the
 * channel's consumer settings records each measured record's time from when it was due to its poll.
 * Records of the warm-up seconds are read but not recorded; the topic is deleted afterwards.
 */
@ApplicationScoped
public class PlainLatencyBench {

  @Inject PlainKafka kafka;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  public LatencyRun run(
      CloudEvent template, String run, int rate, int warmupSeconds, int seconds, int drainSeconds)
      throws Exception {
    long warmup = (long) rate * warmupSeconds;
    long total = warmup + (long) rate * seconds;
    LongAdder failed = new LongAdder();
    CountDownLatch arrived = new CountDownLatch(Math.toIntExact(total - warmup));
    String name = kafka.channel().topic() + "." + run + UUID.randomUUID();
    String keyAttribute = kafka.channel().keyAttribute();
    try (OwnTopic topic = OwnTopic.like(kafka.admin(), kafka.channel().topic(), name);
        LatencyConsumer consumer =
            LatencyConsumer.start(threads, kafka.consumer(name), topic.partitions(), arrived);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                kafka.producer(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.partitionsFor(topic.name()); // the new topic's metadata, before the clock starts
      FixedRate schedule = new FixedRate(rate);
      for (long i = 0; i < total; i++) {
        long due = schedule.awaitDue(i);
        CloudEvent.Builder event = BenchEvents.copy(template, run, i).toBuilder();
        boolean measuredEvent = i >= warmup;
        if (measuredEvent) {
          event.extension(BenchmarkHandler.SENT, Long.toString(due));
        }
        Runnable lost =
            () -> {
              failed.increment();
              if (measuredEvent) {
                arrived.countDown();
              }
            };
        try {
          producer.send(
              record(topic.name(), keyAttribute, event.build()),
              (metadata, error) -> {
                if (error != null) {
                  lost.run();
                }
              });
        } catch (RuntimeException e) {
          lost.run();
        }
      }
      long publishedAt = System.nanoTime();
      // every measured record read or failed, or the drain time is over
      arrived.await(drainSeconds, TimeUnit.SECONDS);
      return new LatencyRun(
          rate,
          total,
          total - warmup,
          consumer.recorded(),
          failed.sum(),
          publishedAt - schedule.start(),
          System.nanoTime() - publishedAt,
          consumer.latencies());
    }
  }

  /** The record Herald's publisher writes for the event, keyed by the channel's key attribute. */
  private static ProducerRecord<byte[], byte[]> record(
      String topic, String keyAttribute, CloudEvent event) {
    String key = event.attribute(keyAttribute);
    return new ProducerRecord<>(
        topic,
        null,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        KafkaBinding.value(event),
        KafkaBinding.headers(event));
  }
}
