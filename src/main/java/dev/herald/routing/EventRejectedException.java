package dev.herald.routing;

/**
 * A record a channel cannot hand to handlers: not a CloudEvent, or not of the channel's type. Its
 * message is the whole reason (it goes to the dead-letter topic); it carries no stack trace, which
 * would cost more than the rest of the rejection and say nothing more.
 */
public class EventRejectedException extends Exception {

  public EventRejectedException(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  public EventRejectedException(String message) {
    super(message, null, false, false);
  }
}
