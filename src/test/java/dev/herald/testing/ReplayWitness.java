package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Test handler deployed with the WAR: takes the replay tests' events (data with {@value
 * ReplayedEvents#RUN}) and notes the replayed ones in {@link ReplayedEvents}; a replay names it.
 */
@ApplicationScoped
public class ReplayWitness implements EventHandler {

  public static final String NAME = "replay-witness";

  @Inject ReplayedEvents replayed;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return ReplayedEvents.marked(event);
  }

  @Override
  public void handle(CloudEvent event) {
    replayed.received(NAME, event);
  }

  @Override
  public boolean blocking() {
    return false;
  }
}
