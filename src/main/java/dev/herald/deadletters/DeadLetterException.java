package dev.herald.deadletters;

/**
 * A dead-letter operation refused what it was asked: the message says what to change. The REST edge
 * answers each subclass with its own status.
 */
public abstract class DeadLetterException extends RuntimeException {

  protected DeadLetterException(String message) {
    super(message);
  }

  protected DeadLetterException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No such event type, channel or dead letter (or an id that cannot name one). */
  public static class NotFound extends DeadLetterException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** A filter, time range, limit or cursor that cannot be used. */
  public static class InvalidQuery extends DeadLetterException {
    public InvalidQuery(String message) {
      super(message);
    }
  }

  /** The dead letter was redriven already, or a task already redrives its topic. */
  public static class Conflict extends DeadLetterException {
    public Conflict(String message) {
      super(message);
    }
  }

  /** Kafka did not answer in time or refused a call; worth retrying later. */
  public static class Unavailable extends DeadLetterException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
