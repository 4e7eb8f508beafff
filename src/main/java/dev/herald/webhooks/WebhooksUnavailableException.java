package dev.herald.webhooks;

/** The endpoints topic could not be read or written in time; the message says what failed. */
public class WebhooksUnavailableException extends RuntimeException {

  public WebhooksUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
