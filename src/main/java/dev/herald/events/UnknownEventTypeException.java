package dev.herald.events;

import java.util.Collection;

/** An event whose type has no channel in {@code herald.event-types}. */
public class UnknownEventTypeException extends RuntimeException {

  public UnknownEventTypeException(String type, Collection<String> known) {
    super("Unknown event type '" + type + "'; Herald carries " + String.join(", ", known));
  }
}
