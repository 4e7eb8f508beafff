package dev.herald.stream;

/** Why a stream was not opened: what to change, and the status the edge answers with. */
public class StreamRefusedException extends RuntimeException {

  /** What kind of refusal, each with its HTTP status at the edge. */
  public enum Reason {
    /** A bad type pattern, tenant or position: 400. */
    INVALID,
    /** A tenant the caller is not bound to: 403. */
    FORBIDDEN,
    /** As many streams open as allowed: 503, try again later. */
    BUSY,
    /** The broker did not answer: 503, try again later. */
    UNAVAILABLE
  }

  private final Reason reason;

  public StreamRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public StreamRefusedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static StreamRefusedException invalid(String message) {
    return new StreamRefusedException(Reason.INVALID, message);
  }
}
