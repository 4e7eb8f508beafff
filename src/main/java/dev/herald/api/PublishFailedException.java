package dev.herald.api;

/** The broker did not acknowledge an event: the caller may retry it. */
public class PublishFailedException extends RuntimeException {

  public PublishFailedException(String message) {
    super(message);
  }

  public PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
