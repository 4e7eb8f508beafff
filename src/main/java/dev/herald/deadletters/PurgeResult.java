package dev.herald.deadletters;

import java.util.List;

/**
 * What a purge deleted.
 *
 * @param before dead letters written before this time were deleted, RFC 3339
 * @param deleted dead letters deleted in all
 */
public record PurgeResult(
    String type, String topic, String before, List<Partition> partitions, long deleted) {

  /**
   * One partition of the dead-letter topic.
   *
   * @param deletedUpTo the partition's first offset after the purge: every dead letter below it is
   *     gone, every one from it on is kept
   * @param deleted dead letters deleted in this partition
   */
  public record Partition(int partition, long deletedUpTo, long deleted) {}
}
