package dev.herald.stream;

import dev.herald.events.Json;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partition whose stream cannot go on where it was: the records from {@code requested} on are no
 * longer in its log. The client gets a {@code reset} event naming each such partition before the
 * stream goes on at {@code resumed}.
 *
 * @param requested the offset the stream was to read next
 * @param resumed the offset it reads next instead: the partition's first
 */
public record Reset(TopicPartition partition, long requested, long resumed, Cause cause) {

  /** Why the records are gone. */
  public enum Cause {
    /** Deleted by retention or a purge: the records from requested up to resumed are lost. */
    DELETED,
    /**
     * The log does not reach the requested offset: the topic was deleted and created again, or
     * truncated; the stream reads it from its beginning.
     */
    REPLACED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The reset of a partition whose next offset {@code requested} is outside its log. */
  static Reset outOfRange(TopicPartition partition, long requested, long beginning) {
    return new Reset(
        partition, requested, beginning, requested < beginning ? Cause.DELETED : Cause.REPLACED);
  }

  /** The data of a {@code reset} event: one line of JSON. */
  static String data(List<Reset> resets) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode partitions = json.putArray("partitions");
    for (Reset reset : resets) {
      ObjectNode one = partitions.addObject();
      one.put("topic", reset.partition.topic());
      one.put("partition", reset.partition.partition());
      one.put("requested", reset.requested);
      one.put("resumed", reset.resumed);
      one.put("reason", reset.cause.tag());
      if (reset.cause == Cause.DELETED) {
        one.put("lost", reset.resumed - reset.requested);
      }
    }
    return Json.MAPPER.writeValueAsString(json);
  }
}
