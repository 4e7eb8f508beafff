package dev.herald.api;

import java.time.Instant;
import java.util.List;

/** The results of every handler that accepted one event. */
public record EventOutcome(
    String id,
    String type,
    String tenantid,
    String channel,
    Instant handledAt,
    List<HandlerResult> results) {

  public EventOutcome {
    results = List.copyOf(results);
  }

  public boolean succeeded() {
    for (HandlerResult result : results) {
      if (!result.success()) {
        return false;
      }
    }
    return true;
  }

  /** Whether handling it again later may succeed: it failed, and only transiently. */
  public boolean retryDue() {
    return !succeeded()
        && results.stream().filter(r -> !r.success()).allMatch(HandlerResult::retryDue);
  }
}
