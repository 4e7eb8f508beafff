package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Test handler deployed with the WAR: takes the same events as {@link ReplayWitness} and notes the
 * replayed ones too; a replay that names only the witness must leave it untouched.
 */
@ApplicationScoped
public class ReplayBystander implements EventHandler {

  public static final String NAME = "replay-bystander";

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
