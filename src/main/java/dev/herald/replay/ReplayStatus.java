package dev.herald.replay;

import java.time.Instant;
import java.util.List;

/**
 * What a replay did so far, as {@code GET /api/replays/{id}} shows it.
 *
 * @param handlers the handlers it hands events to
 * @param state {@code running}, {@code completed}, {@code cancelled} or {@code failed}
 * @param from first record time of a time range; null for offsets
 * @param to last record time of a time range; null for offsets or an open range
 * @param partitions each partition's range and position
 * @param lastError what went wrong with the last record that failed (to read, or in a handler)
 * @param error why the replay itself failed; null unless {@code failed}
 */
public record ReplayStatus(
    String id,
    String type,
    String channel,
    String topic,
    List<String> handlers,
    String state,
    Instant from,
    Instant to,
    List<PartitionStatus> partitions,
    Counts counts,
    Instant startedAt,
    Instant finishedAt,
    String lastError,
    String error) {

  /**
   * One partition: records from {@code start} up to, not including, {@code end}; {@code position}
   * is the next offset to replay ({@code end} when done).
   */
  public record PartitionStatus(int partition, long start, long end, long position, boolean done) {}

  /**
   * Records counted once each: {@code read} from the topic; {@code handled} by every chosen handler
   * that accepted the event; {@code failed} to read (not a valid event) or by a handler (after its
   * retries); {@code notAccepted} by none of the chosen handlers.
   */
  public record Counts(long read, long handled, long failed, long notAccepted) {}
}
