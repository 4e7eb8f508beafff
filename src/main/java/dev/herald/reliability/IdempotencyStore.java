package dev.herald.reliability;

/**
 * Remembers which handler completed which event, so that a redelivered event (after a crash or a
 * producer retry) is not applied twice by the same handler.
 */
public interface IdempotencyStore {

  boolean isCompleted(String handler, String eventId);

  void markCompleted(String handler, String eventId);

  /** Whether lookups may block (a database); if so, handlers never run on an event loop. */
  default boolean blocking() {
    return true;
  }
}
