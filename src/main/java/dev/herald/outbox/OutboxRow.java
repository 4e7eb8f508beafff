package dev.herald.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One row of an outbox table. {@code id}, {@code aggregatetype}, {@code aggregateid}, {@code type}
 * and {@code payload} are the columns of Debezium's outbox event router; {@code payload} is the
 * event's data as JSON text and {@code extensions} a JSON object of its other extension attributes.
 *
 * @param seq the row's place in the table, in the order rows were inserted
 * @param status {@code PENDING}, {@code PUBLISHED} or {@code FAILED}
 * @param failure why a failed row was not published
 */
public record OutboxRow(
    long seq,
    String id,
    String aggregatetype,
    String aggregateid,
    String type,
    String payload,
    String source,
    OffsetDateTime eventtime,
    String subject,
    String schemaversion,
    String tenantid,
    String extensions,
    Instant createdAt,
    String status,
    int attempts,
    String failure) {

  public static final String PENDING = "PENDING";
  public static final String PUBLISHED = "PUBLISHED";
  public static final String FAILED = "FAILED";
}
