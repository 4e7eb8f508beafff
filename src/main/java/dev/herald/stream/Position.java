package dev.herald.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a stream is: for every partition it reads, the offset of the next record to read. Each
 * event's SSE {@code id} is the position just after it, so that a client that reconnects with that
 * id gets exactly the events after it, on every partition, none twice.
 *
 * <p>On the wire, opaque and URL-safe: {@code v1.} and, in URL-safe Base64 without padding, the
 * number of topics, then per topic (by name) its name's length and UTF-8 bytes, the number of its
 * partitions and per partition (by number) the partition and the next offset, every number an
 * unsigned LEB128 varint.
 */
public record Position(SortedMap<TopicPartition, Long> next) {

  /** Partitions by topic, then number: the order of the encoding. */
  public static final Comparator<TopicPartition> ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  static final String VERSION = "v1";

  /** Longer than any position of a few thousand partitions; a longer text is refused unread. */
  static final int MAX_TEXT = 16_384;

  /** Kafka's longest topic name. */
  private static final int MAX_TOPIC_BYTES = 249;

  public Position {
    TreeMap<TopicPartition, Long> copy = new TreeMap<>(ORDER);
    copy.putAll(next);
    next = Collections.unmodifiableSortedMap(copy);
  }

  public static Position of(Map<TopicPartition, Long> next) {
    TreeMap<TopicPartition, Long> sorted = new TreeMap<>(ORDER);
    sorted.putAll(next);
    return new Position(sorted);
  }

  /** The next offset of a partition; null when this position does not read it. */
  public Long offset(TopicPartition partition) {
    return next.get(partition);
  }

  /** Whether this position reads some partition of {@code topic}. */
  public boolean reads(String topic) {
    SortedMap<TopicPartition, Long> from = next.tailMap(new TopicPartition(topic, 0));
    return !from.isEmpty() && from.firstKey().topic().equals(topic);
  }

  public String encode() {
    return encode(next);
  }

  /** Encodes next offsets sorted by {@link #ORDER}, as they are. */
  static String encode(SortedMap<TopicPartition, Long> next) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + next.size() * 32);
    ByteArrayOutputStream partitions = new ByteArrayOutputStream(64);
    varint(out, next.keySet().stream().map(TopicPartition::topic).distinct().count());
    String topic = null;
    int count = 0;
    for (Map.Entry<TopicPartition, Long> entry : next.entrySet()) {
      TopicPartition partition = entry.getKey();
      if (!partition.topic().equals(topic)) {
        if (topic != null) {
          topic(out, topic, count, partitions);
        }
        topic = partition.topic();
        count = 0;
        partitions.reset();
      }
      varint(partitions, partition.partition());
      varint(partitions, entry.getValue());
      count++;
    }
    if (topic != null) {
      topic(out, topic, count, partitions);
    }
    return VERSION
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  private static void topic(
      ByteArrayOutputStream out, String topic, int count, ByteArrayOutputStream partitions) {
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    varint(out, name.length);
    out.writeBytes(name);
    varint(out, count);
    out.writeBytes(partitions.toByteArray());
  }

  /**
   * Reads a position an event's id carried.
   *
   * @throws StreamRefusedException (invalid) when the text is not one, or of an unknown version
   */
  public static Position decode(String text) {
    if (text.length() > MAX_TEXT) {
      throw invalid(text, "it is longer than any position (" + MAX_TEXT + " characters)");
    }
    int dot = text.indexOf('.');
    if (dot < 0 || !text.substring(0, dot).matches("v[0-9]{1,4}")) {
      throw invalid(text, "it does not start with a version such as " + VERSION + ".");
    }
    if (!text.substring(0, dot).equals(VERSION)) {
      throw invalid(
          text,
          "its version "
              + text.substring(0, dot)
              + " is unknown to this server, which reads "
              + VERSION
              + " (was it made by a newer server?)");
    }
    ByteBuffer in;
    try {
      in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text.substring(dot + 1)));
    } catch (IllegalArgumentException e) {
      throw invalid(text, "it is not URL-safe Base64 after " + VERSION + ".");
    }
    TreeMap<TopicPartition, Long> next = new TreeMap<>(ORDER);
    try {
      long topics = varint(in);
      if (topics < 1) {
        throw invalid(text, "it names no partition");
      }
      for (long t = 0; t < topics; t++) {
        int length = (int) bounded(varint(in), 1, MAX_TOPIC_BYTES);
        byte[] name = new byte[length];
        in.get(name);
        String topic = new String(name, StandardCharsets.UTF_8);
        long partitions = bounded(varint(in), 1, Integer.MAX_VALUE);
        for (long p = 0; p < partitions; p++) {
          int partition = (int) bounded(varint(in), 0, Integer.MAX_VALUE);
          long offset = varint(in);
          if (next.put(new TopicPartition(topic, partition), offset) != null) {
            throw invalid(text, "it names " + topic + "-" + partition + " twice");
          }
        }
      }
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw invalid(text, "it is cut short or holds a number out of range");
    }
    if (in.hasRemaining()) {
      throw invalid(text, "it has bytes after the last partition");
    }
    return new Position(next);
  }

  private static long bounded(long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(value + " is out of range");
    }
    return value;
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a position holds no negative number: " + value);
    }
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  /** An unsigned varint of at most 63 bits. */
  private static long varint(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint over 63 bits");
  }

  private static StreamRefusedException invalid(String text, String why) {
    String shown = text.length() <= 80 ? text : text.substring(0, 80) + "…";
    return StreamRefusedException.invalid(
        "Last-Event-ID '"
            + shown
            + "' is not a stream position: "
            + why
            + ". Send the id of an event this stream sent, as it was, or none to start at the end");
  }
}
