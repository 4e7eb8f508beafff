package dev.herald.api;

/** Thrown by a handler whose failure is transient: handling the event again may succeed. */
public class TransientHandlerException extends Exception {

  public TransientHandlerException(String message) {
    super(message);
  }

  public TransientHandlerException(String message, Throwable cause) {
    super(message, cause);
  }
}
