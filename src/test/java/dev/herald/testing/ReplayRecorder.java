package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.inject.Inject;

/**
 * A test handler of the replay tests: takes their events (data with {@value ReplayedEvents#RUN})
 * and notes the replayed ones in {@link ReplayedEvents} under its name.
 */
abstract class ReplayRecorder implements EventHandler {

  @Inject ReplayedEvents replayed;

  @Override
  public boolean accepts(CloudEvent event) {
    return ReplayedEvents.marked(event);
  }

  @Override
  public void handle(CloudEvent event) {
    replayed.received(name(), event);
  }

  @Override
  public boolean blocking() {
    return false;
  }
}
