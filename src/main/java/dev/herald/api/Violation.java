package dev.herald.api;

/**
 * One thing wrong with an event.
 *
 * @param pointer where, as an RFC 6901 JSON pointer into the event (e.g. {@code /data/content})
 * @param detail what is wrong and, where it helps, what is expected
 */
public record Violation(String pointer, String detail) {

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(event)" : pointer) + ": " + detail;
  }
}
