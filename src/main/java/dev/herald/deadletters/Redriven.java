package dev.herald.deadletters;

/**
 * Where a redriven dead letter went.
 *
 * @param id the dead letter's id
 * @param at when the broker stored the redriven record, RFC 3339
 */
public record Redriven(String id, String topic, int partition, long offset, String at) {

  static Redriven of(EntryId id, Redrive redrive) {
    return new Redriven(
        id.toString(), redrive.topic(), redrive.partition(), redrive.offset(), redrive.at());
  }
}
