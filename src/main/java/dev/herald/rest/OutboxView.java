package dev.herald.rest;

import dev.herald.outbox.OutboxCounts;
import dev.herald.outbox.OutboxSource;

/**
 * One outbox as {@code GET /api/outbox} shows it: whether its database answers (and why not), the
 * rows pending and failed in its table (counted every 2 s), how long the oldest pending row has
 * waited, and what this server's relays published and failed since it started.
 */
public record OutboxView(
    String name,
    String datasource,
    String table,
    String state,
    String reason,
    long pending,
    double oldestPendingSeconds,
    long failed,
    long publishedHere,
    long failedHere) {

  static OutboxView of(OutboxSource source) {
    OutboxCounts counts = source.counts();
    return new OutboxView(
        source.name(),
        source.settings().datasource(),
        source.settings().table(),
        source.failure().isPresent() ? "DOWN" : "UP",
        source.failure().orElse(null),
        counts.pending(),
        source.oldestPendingSeconds(),
        counts.failed(),
        source.published(),
        source.failedRows());
  }
}
