package dev.herald.rest;

import dev.herald.kafka.PartitionLag;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A channel as {@code GET /api/channels} shows it.
 *
 * @param state {@code running}, {@code paused} or {@code failed}
 * @param failure what SmallRye reported when the channel failed, else null
 * @param retryTopics the channel's retry topics, in the order records go through them
 * @param lag records its group has not committed, as of {@code lagCheckedAt} (the Kafka probe's
 *     last check); null before the first
 * @param partitions per partition: committed offset, end offset and lag
 * @param lastHandled when an event of the channel last succeeded since the server started
 */
public record ChannelView(
    String channel,
    String type,
    String topic,
    String deadLetterTopic,
    List<String> retryTopics,
    String groupId,
    String state,
    String failure,
    Long lag,
    List<Partition> partitions,
    Instant lagCheckedAt,
    Instant lastHandled) {

  /** One partition's position. */
  @Schema(name = "ChannelPartition")
  public record Partition(int partition, long committed, long end, long lag) {
    static Partition of(PartitionLag lag) {
      return new Partition(lag.partition(), lag.committed(), lag.end(), lag.lag());
    }
  }
}
