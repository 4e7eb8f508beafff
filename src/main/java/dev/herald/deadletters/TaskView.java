package dev.herald.deadletters;

/**
 * A background task as a client sees it.
 *
 * @param kind {@code redrive}
 * @param state {@code running}, {@code completed}, {@code cancelled} or {@code failed}
 * @param type the event type whose dead letters it redrives
 * @param moved dead letters sent back so far
 * @param skipped dead letters it left because they had been redriven already
 * @param examined dead letters read so far, whether the filter took them or not
 * @param total dead letters in its range when it started: it reads no further
 * @param started when it started, RFC 3339
 * @param finished when it ended, RFC 3339; null while it runs
 * @param error why it failed; null unless {@code state} is {@code failed}
 */
public record TaskView(
    String id,
    String kind,
    String state,
    String type,
    long moved,
    long skipped,
    long examined,
    long total,
    String started,
    String finished,
    String error) {}
