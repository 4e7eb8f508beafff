package dev.herald.replay;

/**
 * The offsets of one partition a replay reads: from {@code start} up to, not including, {@code
 * end}, both fixed when the replay starts.
 */
public record PartitionRange(int partition, long start, long end) {

  public PartitionRange {
    if (start > end) {
      throw new IllegalArgumentException(
          "partition " + partition + ": start " + start + " is after end " + end);
    }
  }

  /** Nothing to read: the partition is done as soon as the replay starts. */
  public boolean empty() {
    return start == end;
  }
}
