package dev.herald.deadletters;

import java.util.List;

/**
 * One page of a listing, newest first.
 *
 * @param next the cursor of the next page; null when this page is the last
 */
public record DeadLetterPage(List<DeadLetterEntry> entries, String next) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /**
   * Reads a page size: {@value #DEFAULT_LIMIT} when absent, at most {@value #MAX_LIMIT}.
   *
   * @throws DeadLetterException.InvalidQuery when it is not a whole number from 1 to the maximum
   */
  public static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new DeadLetterException.InvalidQuery(
        "limit is '" + text + "': give a whole number from 1 to " + MAX_LIMIT);
  }
}
