package dev.herald.webhooks;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Where an event is stored, written {@code topic-partition@offset} in deliveries. */
record Source(TopicPartition partition, long offset) {

  static Source of(ConsumerRecord<?, ?> record) {
    return new Source(new TopicPartition(record.topic(), record.partition()), record.offset());
  }

  /**
   * Reads {@code topic-partition@offset}; a topic name may hold dashes, the partition follows the
   * last one.
   *
   * @throws IllegalArgumentException when it is not of that form
   */
  static Source parse(String text) {
    int at = text.lastIndexOf('@');
    int dash = at < 0 ? -1 : text.lastIndexOf('-', at);
    if (dash <= 0) {
      throw new IllegalArgumentException("not topic-partition@offset: " + text);
    }
    try {
      return new Source(
          new TopicPartition(
              text.substring(0, dash), Integer.parseInt(text.substring(dash + 1, at))),
          Long.parseLong(text.substring(at + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not topic-partition@offset: " + text, e);
    }
  }

  @Override
  public String toString() {
    return partition.topic() + "-" + partition.partition() + "@" + offset;
  }
}
