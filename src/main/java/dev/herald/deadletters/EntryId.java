package dev.herald.deadletters;

/**
 * Names one dead letter as {@code <channel>-<partition>-<offset>} of its channel's dead-letter
 * topic: readable, URL-safe, and parsed from the right since channel names contain dashes.
 */
public record EntryId(String channel, int partition, long offset) {

  public EntryId {
    if (channel == null || channel.isEmpty() || partition < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "not a dead letter: " + channel + "/" + partition + "/" + offset);
    }
  }

  /**
   * Reads {@code <channel>-<partition>-<offset>}.
   *
   * @throws DeadLetterException.NotFound when the text cannot name a dead letter
   */
  public static EntryId parse(String text) {
    int last = text == null ? -1 : text.lastIndexOf('-');
    int before = last <= 0 ? -1 : text.lastIndexOf('-', last - 1);
    if (before <= 0) {
      throw malformed(text);
    }
    try {
      int partition = Integer.parseInt(text.substring(before + 1, last));
      long offset = Long.parseLong(text.substring(last + 1));
      EntryId id = new EntryId(text.substring(0, before), partition, offset);
      if (!id.toString().equals(text)) {
        throw malformed(text); // "+1" or "007": one dead letter has one id
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw malformed(text);
    }
  }

  @Override
  public String toString() {
    return channel + "-" + partition + "-" + offset;
  }

  private static DeadLetterException.NotFound malformed(String text) {
    return new DeadLetterException.NotFound(
        "'"
            + text
            + "' names no dead letter: an id is <channel>-<partition>-<offset>, e.g."
            + " chat-message-received-0-42, as GET /api/dead-letters lists them");
  }
}
