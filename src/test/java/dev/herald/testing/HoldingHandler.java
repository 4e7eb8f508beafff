package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test handler deployed with the WAR: an event whose data has {@code holdMs: n} takes n ms to
 * handle, like a handler stuck on a slow dependency (an interrupt ends it early).
 */
@ApplicationScoped
public class HoldingHandler implements EventHandler {

  public static final String HOLD_MS = "holdMs";

  @Override
  public String name() {
    return "holding";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return event.data() != null && event.data().has(HOLD_MS);
  }

  @Override
  public void handle(CloudEvent event) throws InterruptedException {
    Thread.sleep(event.data().get(HOLD_MS).longValue());
  }
}
