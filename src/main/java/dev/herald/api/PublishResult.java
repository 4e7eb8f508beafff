package dev.herald.api;

import java.util.List;

/**
 * What became of one event of a batch: where the broker stored it, or why it was not sent.
 *
 * @param violations why the event is invalid (then nothing of the batch was sent)
 * @param error why a valid event was not stored (broker error or batch rejected)
 */
public record PublishResult(
    String id,
    String type,
    String topic,
    Integer partition,
    Long offset,
    List<Violation> violations,
    String error) {

  public static PublishResult stored(PublishReceipt receipt) {
    return new PublishResult(
        receipt.id(),
        receipt.type(),
        receipt.topic(),
        receipt.partition(),
        receipt.offset(),
        null,
        null);
  }

  public static PublishResult invalid(CloudEvent event, List<Violation> violations) {
    return new PublishResult(event.id(), event.type(), null, null, null, violations, null);
  }

  public static PublishResult notStored(CloudEvent event, String error) {
    return new PublishResult(event.id(), event.type(), null, null, null, null, error);
  }

  public boolean isStored() {
    return offset != null;
  }
}
