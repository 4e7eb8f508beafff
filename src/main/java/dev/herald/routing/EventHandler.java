package dev.herald.routing;

import dev.herald.events.CloudEvent;

/**
 * A CDI bean that handles events. The {@link EventManager} calls every handler whose {@link
 * #accepts} is true; the record is acknowledged only when all of them returned normally.
 */
public interface EventHandler {

  /** A stable name for results, metrics and dead-letter reasons; bounded, never per event. */
  default String name() {
    return getClass().getSimpleName().replaceAll("_.*$", "");
  }

  /** Whether this handler wants the event; must be cheap and side-effect free. */
  boolean accepts(CloudEvent event);

  /**
   * Handles one event. Throwing fails the event: its record goes to the channel's dead-letter topic
   * with the exception's message as the reason.
   */
  void handle(CloudEvent event) throws Exception;
}
