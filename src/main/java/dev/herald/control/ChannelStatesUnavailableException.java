package dev.herald.control;

/** A channel's state could not be stored in the channel states' topic; the message says why. */
public class ChannelStatesUnavailableException extends RuntimeException {

  public ChannelStatesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
