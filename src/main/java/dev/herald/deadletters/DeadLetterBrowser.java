package dev.herald.deadletters;

import dev.herald.config.EventChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Lists dead letters newest first, across the partitions of one channel's dead-letter topic or of
 * every channel's, and reads one by id.
 */
@ApplicationScoped
public class DeadLetterBrowser {

  /** Between two dead letters written in the same millisecond: the later offset first. */
  private static final Comparator<ConsumerRecord<?, ?>> NEWEST_FIRST =
      Comparator.<ConsumerRecord<?, ?>>comparingLong(ConsumerRecord::timestamp)
          .thenComparingLong(ConsumerRecord::offset)
          .thenComparing(ConsumerRecord::topic)
          .thenComparingInt(ConsumerRecord::partition);

  @Inject DeadLetterKafka kafka;
  @Inject DeadLetterTopics topics;
  @Inject RedriveMarks marks;

  /**
   * A page of the dead letters {@code filter} takes, below {@code cursor}'s positions (from the
   * newest when null).
   */
  public DeadLetterPage list(DeadLetterFilter filter, int limit, String cursor) {
    return kafka.call("listing dead letters", () -> page(filter, limit, cursor));
  }

  private DeadLetterPage page(DeadLetterFilter filter, int limit, String cursor) {
    Cursor from = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.strip());
    List<EventChannel> channels = List.copyOf(topics.of(filter.type()));
    try (Consumer<String, byte[]> consumer = kafka.consumer()) {
      List<PartitionReader> readers = readers(consumer, channels, filter, from, limit);
      // Half the timeout to read: then the page holds what was found, and next goes on from there.
      long now = System.nanoTime();
      long scanUntil = now + kafka.timeout().toNanos() / 2;
      long deadline = now + kafka.timeout().toNanos();
      List<DeadLetterEntry> entries = new ArrayList<>();
      while (entries.size() < limit) {
        PartitionReader newest = null;
        ConsumerRecord<String, byte[]> head = null;
        boolean decided = true;
        for (PartitionReader reader : readers) {
          ConsumerRecord<String, byte[]> candidate = reader.head(consumer, scanUntil, deadline);
          decided &= candidate != null || reader.exhausted();
          if (candidate != null && (head == null || NEWEST_FIRST.compare(candidate, head) > 0)) {
            newest = reader;
            head = candidate;
          }
        }
        if (!decided || newest == null) {
          break; // a partition not read far enough may hold a newer one; or none is left
        }
        newest.take();
        String channel = newest.position().channel();
        EntryId id = new EntryId(channel, head.partition(), head.offset());
        entries.add(DeadLetterEntry.of(channel, head, marks.find(id).orElse(null)));
      }
      boolean left = false;
      for (PartitionReader reader : readers) {
        left |= !reader.exhausted();
      }
      return new DeadLetterPage(entries, left ? next(readers) : null);
    }
  }

  /** One dead letter. */
  public DeadLetterEntry find(String id) {
    EntryId entry = EntryId.parse(id);
    return DeadLetterEntry.of(entry.channel(), read(entry), marks.find(entry).orElse(null));
  }

  /**
   * The dead-letter record an id names.
   *
   * @throws DeadLetterException.NotFound when the topic never had it, or no longer has it
   */
  ConsumerRecord<String, byte[]> read(EntryId id) {
    return kafka.call("reading dead letter " + id, () -> readRecord(id));
  }

  private ConsumerRecord<String, byte[]> readRecord(EntryId id) {
    EventChannel channel = topics.channelOf(id);
    TopicPartition partition = new TopicPartition(channel.deadLetterTopic(), id.partition());
    try (Consumer<String, byte[]> consumer = kafka.consumer()) {
      if (!kafka.partitions(consumer, partition.topic()).contains(partition)) {
        throw notFound(id, channel.deadLetterTopic() + " has no partition " + id.partition());
      }
      long start = consumer.beginningOffsets(List.of(partition)).get(partition);
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      if (id.offset() < start || id.offset() >= end) {
        throw notFound(id, "its partition holds offsets " + start + " to " + (end - 1));
      }
      consumer.assign(List.of(partition));
      consumer.seek(partition, id.offset());
      long deadline = System.nanoTime() + kafka.timeout().toNanos();
      while (consumer.position(partition) <= id.offset() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() == id.offset()) {
            return record;
          }
        }
      }
      throw notFound(id, "the record at that offset was removed");
    }
  }

  private List<PartitionReader> readers(
      Consumer<String, byte[]> consumer,
      List<EventChannel> channels,
      DeadLetterFilter filter,
      Cursor cursor,
      int limit) {
    Map<TopicPartition, String> channelOf = new LinkedHashMap<>();
    for (EventChannel channel : channels) {
      kafka
          .partitions(consumer, channel.deadLetterTopic())
          .forEach(p -> channelOf.put(p, channel.channel()));
    }
    Set<TopicPartition> partitions = channelOf.keySet();
    Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> floor = TimeOffsets.at(consumer, filter.range().from(), start, end);
    Map<TopicPartition, Long> top =
        cursor == null ? TimeOffsets.at(consumer, filter.range().to(), end, end) : end;
    Set<Cursor.Position> known = new HashSet<>();
    List<PartitionReader> readers = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      Cursor.Position position =
          new Cursor.Position(channelOf.get(partition), partition.partition());
      known.add(position);
      long bound = top.get(partition);
      if (cursor != null) {
        Long saved = cursor.bound(position);
        // a partition added since the first page: its dead letters came after that page's start
        bound = saved == null ? floor.get(partition) : Math.min(saved, bound);
      }
      int chunk = Math.min(DeadLetterPage.MAX_LIMIT, Math.max(100, 2 * limit));
      readers.add(
          new PartitionReader(
              position,
              partition,
              Math.max(start.get(partition), floor.get(partition)),
              bound,
              filter,
              chunk));
    }
    if (cursor != null && !known.containsAll(cursor.bounds().keySet())) {
      throw Cursor.mismatch(cursor);
    }
    return readers;
  }

  private static String next(List<PartitionReader> readers) {
    Map<Cursor.Position, Long> bounds = new LinkedHashMap<>();
    readers.forEach(reader -> bounds.put(reader.position(), reader.nextBound()));
    return new Cursor(bounds).encode();
  }

  private static DeadLetterException.NotFound notFound(EntryId id, String why) {
    return new DeadLetterException.NotFound(
        "No dead letter " + id + ": " + why + " (purged, removed by retention, or never written)");
  }
}
