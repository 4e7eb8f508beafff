package dev.herald.benchmark;

import static org.awaitility.Awaitility.await;

import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestBroker;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import dev.herald.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The outbox on PostgreSQL, beside plain kafka-clients in the same run: relay throughput (a backlog
 * of rows made pending in one statement, until the last is on Kafka, against a plain producer
 * sending as many records) and commit-to-Kafka latency (one row per transaction at a fixed rate,
 * from each commit until a consumer in the same JVM has the record, against a plain producer's send
 * to the same consumer). Writes {@code target/benchmark/outbox.md}; asserts nothing about speed.
 */
@HeraldIT
class OutboxBenchmark {

  private static final String TABLE = "orders_outbox";
  private static final String TOPIC = "bench." + TestEvents.TOPIC;
  private static final int BACKLOG = Integer.getInteger("herald.bench.outbox.backlog", 100_000);
  private static final int RATE = Integer.getInteger("herald.bench.outbox.rate", 1000);
  private static final int SECONDS = Integer.getInteger("herald.bench.outbox.seconds", 20);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchmarkDeployment.herald();
  }

  @Test
  void measure() throws Exception {
    awaitTable();
    List<String> lines = new ArrayList<>();
    lines.add("| run | plain kafka-clients | Herald outbox (PostgreSQL) | ratio |");
    lines.add("|---|---|---|---|");
    relayWarmup();
    double plain = plainThroughput(BACKLOG);
    double relayed = relayThroughput(BACKLOG);
    lines.add(
        "| %,d events, throughput | %,.0f ev/s | %,.0f ev/s | %.2f |"
            .formatted(BACKLOG, plain, relayed, relayed / plain));
    Histogram plainLatency = plainLatency();
    Histogram outboxLatency = outboxLatency();
    for (double percentile : new double[] {50, 99, 99.9}) {
      double p = plainLatency.getValueAtPercentile(percentile) / 1000.0;
      double o = outboxLatency.getValueAtPercentile(percentile) / 1000.0;
      lines.add(
          "| %,d ev/s for %d s, p%s to a consumer | %.1f ms | %.1f ms | %.1f |"
              .formatted(
                  RATE, SECONDS, percentile == 99.9 ? "99.9" : (int) percentile, p, o, o / p));
    }
    String table = String.join("\n", lines) + "\n";
    Path out = Path.of("target", "benchmark", "outbox.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println("Outbox benchmark (" + Machine.describe() + "):\n" + table);
  }

  private void relayWarmup() throws Exception {
    relayThroughput(5000);
  }

  /** Rows written aside ({@code HOLD}), made pending in one statement, drained to Kafka. */
  private double relayThroughput(int rows) throws Exception {
    String run = "bench-outbox-" + UUID.randomUUID() + "-";
    try (Connection connection = TestPostgres.get().connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + TABLE
                  + " (id, aggregatetype, aggregateid, type, payload, source, schemaversion,"
                  + " tenantid, status) VALUES (?, 'order', ?, ?, ?, '/bench', '1', 'acme',"
                  + " 'HOLD')")) {
        for (int i = 0; i < rows; i++) {
          insert.setString(1, run + i);
          insert.setString(2, "order-" + (i % 1000));
          insert.setString(3, TestEvents.TYPE);
          insert.setString(4, data(run + i));
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      try (KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
        long start = System.nanoTime();
        try (Statement release = connection.createStatement()) {
          release.executeUpdate(
              "UPDATE " + TABLE + " SET status = 'PENDING' WHERE status = 'HOLD'");
        }
        connection.commit();
        drain(consumer, run, rows);
        return rows / ((System.nanoTime() - start) / 1e9);
      }
    }
  }

  private double plainThroughput(int records) throws Exception {
    String run = "bench-plain-" + UUID.randomUUID() + "-";
    try (KafkaProducer<String, byte[]> producer = producer();
        KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        producer.send(record(run + i, "order-" + (i % 1000)));
      }
      drain(consumer, run, records);
      return records / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** One row per transaction at {@link #RATE}/s; each commit's time until the record is read. */
  private Histogram outboxLatency() throws Exception {
    String run = "bench-outbox-latency-" + UUID.randomUUID() + "-";
    Map<String, Long> committed = new ConcurrentHashMap<>();
    try (Connection connection = TestPostgres.get().connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + TABLE
                    + " (id, aggregatetype, aggregateid, type, payload, source, schemaversion,"
                    + " tenantid) VALUES (?, 'order', ?, ?, ?, '/bench', '1', 'acme')");
        KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
      connection.setAutoCommit(false);
      return paced(
          run,
          consumer,
          committed,
          i -> {
            insert.setString(1, run + i);
            insert.setString(2, "order-" + (i % 1000));
            insert.setString(3, TestEvents.TYPE);
            insert.setString(4, data(run + i));
            insert.executeUpdate();
            connection.commit();
          });
    }
  }

  private Histogram plainLatency() throws Exception {
    String run = "bench-plain-latency-" + UUID.randomUUID() + "-";
    Map<String, Long> sent = new ConcurrentHashMap<>();
    try (KafkaProducer<String, byte[]> producer = producer();
        KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
      return paced(run, consumer, sent, i -> producer.send(record(run + i, "order-" + (i % 1000))));
    }
  }

  interface Step {
    void run(int i) throws Exception;
  }

  /** Runs {@code step} at the rate, stamping each id when its step returned; reads them back. */
  private Histogram paced(
      String run, KafkaConsumer<String, byte[]> consumer, Map<String, Long> stamped, Step step)
      throws Exception {
    int total = RATE * SECONDS;
    Histogram histogram = new Histogram(3_600_000_000L, 3);
    Set<String> seen = new HashSet<>();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / RATE;
    int i = 0;
    while (i < total || seen.size() < total) {
      long now = System.nanoTime();
      while (i < total && now >= start + i * interval) {
        step.run(i);
        stamped.put(run + i, System.nanoTime());
        i++;
        now = System.nanoTime();
      }
      // a poll that waits up to 1 ms for records: a busy loop here would take a core from the
      // server
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(1))) {
        long read = System.nanoTime();
        String id = TestKafka.header(record, "ce_id").orElse("");
        Long at = stamped.get(id);
        if (at != null && seen.add(id)) {
          histogram.recordValue(Math.max(0, (read - at) / 1000));
        }
      }
      if (System.nanoTime() - start > (SECONDS + 120) * 1_000_000_000L) {
        throw new IllegalStateException(seen.size() + " of " + total + " read in time");
      }
    }
    return histogram;
  }

  private static void drain(KafkaConsumer<String, byte[]> consumer, String run, int count) {
    Set<String> seen = new HashSet<>();
    await("%d records of %s".formatted(count, run))
        .atMost(Duration.ofMinutes(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String id = TestKafka.header(record, "ce_id").orElse("");
                if (id.startsWith(run)) {
                  seen.add(id);
                }
              }
              return seen.size() >= count;
            });
  }

  private static void awaitTable() {
    await("the outbox table")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () -> {
              try (Connection connection = TestPostgres.get().connect();
                  Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT COUNT(*) FROM " + TABLE).close();
                return true;
              }
            });
  }

  private static KafkaConsumer<String, byte[]> consumerAtEnd() {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-outbox-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(TOPIC).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestBroker.get().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static ProducerRecord<String, byte[]> record(String id, String key) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TOPIC, key, data(id).getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_type", TestEvents.TYPE.getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_source", "/bench".getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static String data(String id) {
    return TestEvents.chatMessageData(id).replaceAll("\\s+", "");
  }
}
