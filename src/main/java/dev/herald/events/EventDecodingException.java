package dev.herald.events;

/** A Kafka record that is not a well-formed CloudEvent; the message says exactly what is wrong. */
public class EventDecodingException extends Exception {

  public EventDecodingException(String message) {
    super(message);
  }

  public EventDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
