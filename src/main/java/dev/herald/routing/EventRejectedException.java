package dev.herald.routing;

/** A record a channel cannot hand to handlers: not a CloudEvent, or not of the channel's type. */
public class EventRejectedException extends Exception {

  public EventRejectedException(String message, Throwable cause) {
    super(message, cause);
  }

  public EventRejectedException(String message) {
    super(message);
  }
}
