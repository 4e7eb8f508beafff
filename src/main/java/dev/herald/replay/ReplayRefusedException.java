package dev.herald.replay;

/** A replay that cannot start (or be found): the message says what to change. */
public class ReplayRefusedException extends RuntimeException {

  /** Why, so that the REST edge can choose its status. */
  public enum Reason {
    /** The request is malformed, inconsistent, or out of the topic's range. */
    INVALID,
    /** No such type, handler or replay. */
    NOT_FOUND,
    /** A replay of the same type to one of the same handlers is running. */
    CONFLICT,
    /** As many replays as {@code herald.replay.max-running} allows are running. */
    BUSY,
    /** The broker did not answer, or the server is stopping. */
    UNAVAILABLE
  }

  private final Reason reason;

  public ReplayRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReplayRefusedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static ReplayRefusedException invalid(String message) {
    return new ReplayRefusedException(Reason.INVALID, message);
  }
}
