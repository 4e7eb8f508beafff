package dev.herald.api;

import java.util.List;

/**
 * The outcome of a batch, one result per event in the batch's order.
 *
 * @param valid false when an event was invalid, in which case nothing was sent
 */
public record BatchReceipt(boolean valid, List<PublishResult> results) {

  public boolean allStored() {
    return valid && results.stream().allMatch(PublishResult::isStored);
  }
}
