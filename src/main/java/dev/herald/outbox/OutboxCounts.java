package dev.herald.outbox;

import java.time.Instant;

/**
 * What an outbox table holds.
 *
 * @param oldestPending when the oldest pending row was written; null when none is pending
 */
public record OutboxCounts(long pending, Instant oldestPending, long failed) {

  public static final OutboxCounts NONE = new OutboxCounts(0, null, 0);
}
