package dev.herald.routing;

import java.util.concurrent.RejectedExecutionException;

/**
 * A handler could not run, or was interrupted, because the server is stopping: the event is not at
 * fault, so its record is neither acknowledged nor dead-lettered and comes back after the restart.
 */
public class HandlingInterruptedException extends Exception {

  public HandlingInterruptedException(String handler, String eventId, Throwable cause) {
    super("Handler '" + handler + "' was interrupted on event " + eventId + ": " + cause, cause);
  }

  /** Whether an error, or one of its causes, is an interruption rather than a failure. */
  public static boolean isInterruption(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HandlingInterruptedException
          || cause instanceof InterruptedException
          || cause instanceof RejectedExecutionException) {
        return true;
      }
    }
    return false;
  }
}
