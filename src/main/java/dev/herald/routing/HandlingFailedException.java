package dev.herald.routing;

import dev.herald.api.EventOutcome;
import java.util.stream.Collectors;

/** One or more handlers failed on an event; the message names each handler and its error. */
public class HandlingFailedException extends Exception {

  private final transient EventOutcome outcome;

  public HandlingFailedException(EventOutcome outcome) {
    super(describe(outcome));
    this.outcome = outcome;
  }

  public EventOutcome outcome() {
    return outcome;
  }

  private static String describe(EventOutcome outcome) {
    return outcome.results().stream()
        .filter(result -> !result.success())
        .map(result -> "handler '" + result.handler() + "' failed: " + result.error())
        .collect(
            Collectors.joining(
                "; ", "Event " + outcome.id() + " (" + outcome.type() + ") not handled: ", ""));
  }
}
