package dev.herald.kafka;

/**
 * How far a consumer group is behind one partition of its topic.
 *
 * @param committed the group's committed offset, 0 when it committed none
 * @param end the partition's end offset
 */
public record PartitionLag(int partition, long committed, long end) {

  public long lag() {
    return Math.max(0, end - committed);
  }
}
