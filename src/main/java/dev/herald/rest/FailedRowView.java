package dev.herald.rest;

import dev.herald.outbox.OutboxRow;

/** A failed outbox row with the reason, as written (the payload is the event's data). */
public record FailedRowView(
    long seq,
    String id,
    String type,
    String aggregatetype,
    String aggregateid,
    String tenantid,
    String failure,
    int attempts,
    String createdAt,
    String payload,
    String extensions) {

  static FailedRowView of(OutboxRow row) {
    return new FailedRowView(
        row.seq(),
        row.id(),
        row.type(),
        row.aggregatetype(),
        row.aggregateid(),
        row.tenantid(),
        row.failure(),
        row.attempts(),
        row.createdAt() == null ? null : row.createdAt().toString(),
        row.payload(),
        row.extensions());
  }
}
