package dev.herald.webhooks;

/** A webhook URL that may not be registered; the message says why and what to change. */
public class EndpointRefusedException extends Exception {

  public EndpointRefusedException(String message) {
    super(message);
  }
}
