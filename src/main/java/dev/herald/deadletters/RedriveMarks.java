package dev.herald.deadletters;

import dev.herald.config.DeadLetterSettings;
import dev.herald.config.ProbeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Which dead letters were redriven, where and when: a compacted topic keyed by entry id, so that
 * the marks survive restarts and every server sees them. Read whole at first use, kept current by
 * this server's own writes, and read on from where it stopped when the copy is older than {@code
 * herald.dead-letters.redrives-refresh-ms} (other servers' redrives).
 */
@ApplicationScoped
public class RedriveMarks {

  @Inject DeadLetterKafka kafka;
  @Inject DeadLetterSettings settings;
  @Inject ProbeSettings probe;

  private final Map<String, Redrive> marks = new ConcurrentHashMap<>();
  private Consumer<String, byte[]> tail;
  private long readAt;

  public Optional<Redrive> find(EntryId id) {
    refresh();
    return Optional.ofNullable(marks.get(id.toString()));
  }

  /** Records that a dead letter was redriven; completes once the broker stored the mark. */
  public CompletableFuture<Redrive> mark(EntryId id, Redrive redrive) {
    return send(id, redrive.toJson())
        .thenApply(
            stored -> {
              marks.put(id.toString(), redrive);
              return redrive;
            });
  }

  /** Forgets the marks of a channel's dead letters below {@code upTo} per partition (purged). */
  public CompletableFuture<Void> forget(String channel, Map<Integer, Long> upTo) {
    refresh();
    CompletableFuture<?>[] sent =
        marks.keySet().stream()
            .map(RedriveMarks::entryId)
            .filter(id -> id != null && id.channel().equals(channel))
            .filter(id -> id.offset() < upTo.getOrDefault(id.partition(), -1L))
            .map(id -> send(id, null).thenRun(() -> marks.remove(id.toString())))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(sent);
  }

  private static EntryId entryId(String key) {
    try {
      return EntryId.parse(key);
    } catch (DeadLetterException.NotFound e) {
      return null; // another tool's key
    }
  }

  private CompletableFuture<Void> send(EntryId id, byte[] value) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    try {
      kafka
          .producer()
          .send(
              new ProducerRecord<>(settings.redrivesTopic(), id.toString(), value),
              (metadata, error) -> {
                if (error == null) {
                  stored.complete(null);
                } else {
                  stored.completeExceptionally(error);
                }
              });
    } catch (RuntimeException e) {
      stored.completeExceptionally(e);
    }
    return stored;
  }

  /** Reads what other servers wrote since the last read, at most once per refresh period. */
  private void refresh() {
    kafka.call(
        "reading the redrives topic " + settings.redrivesTopic(),
        () -> {
          readNew();
          return null;
        });
  }

  private synchronized void readNew() {
    long now = System.nanoTime();
    if (tail != null && now - readAt < settings.redrivesRefresh().toNanos()) {
      return;
    }
    if (tail == null) {
      new RedrivesTopic(kafka, settings.redrivesTopic(), probe.createTopics()).ensure();
      Consumer<String, byte[]> consumer = kafka.consumer();
      try {
        consumer.assign(partitions(consumer));
        consumer.seekToBeginning(consumer.assignment());
      } catch (RuntimeException e) {
        consumer.close(Duration.ZERO);
        throw e;
      }
      tail = consumer;
    }
    readToEnd();
    readAt = System.nanoTime();
  }

  private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
    long deadline = System.nanoTime() + kafka.timeout().toNanos();
    List<TopicPartition> partitions = kafka.partitions(consumer, settings.redrivesTopic());
    while (partitions.isEmpty() && System.nanoTime() < deadline) {
      // just created: the topic's metadata reaches this broker a moment later
      partitions = kafka.partitions(consumer, settings.redrivesTopic());
    }
    if (partitions.isEmpty()) {
      throw new DeadLetterException.Unavailable(
          "the redrives topic " + settings.redrivesTopic() + " has no partitions", null);
    }
    return partitions;
  }

  private void readToEnd() {
    Map<TopicPartition, Long> end = tail.endOffsets(tail.assignment());
    long deadline = System.nanoTime() + kafka.timeout().toNanos();
    while (end.entrySet().stream().anyMatch(e -> tail.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new DeadLetterException.Unavailable(
            "reading the redrives topic " + settings.redrivesTopic() + " took too long", null);
      }
      for (ConsumerRecord<String, byte[]> record : tail.poll(Duration.ofMillis(200))) {
        Redrive redrive = record.value() == null ? null : Redrive.fromJson(record.value());
        if (record.key() == null) {
          continue; // not a mark
        } else if (redrive == null) {
          marks.remove(record.key()); // a purge's tombstone, or not a mark
        } else {
          marks.put(record.key(), redrive);
        }
      }
    }
  }

  @PreDestroy
  synchronized void close() {
    if (tail != null) {
      tail.close(Duration.ofSeconds(2));
    }
  }
}
