package dev.herald.routing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;

/** Handlers for routing's unit tests, each a name, a choice of events and threads, and a body. */
final class TestHandlers {

  private TestHandlers() {}

  interface Body {
    void handle(CloudEvent event) throws Exception;
  }

  static EventHandler handler(String name, boolean accepts, boolean blocking, Body body) {
    return new EventHandler() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean blocking() {
        return blocking;
      }

      @Override
      public boolean accepts(CloudEvent event) {
        return accepts;
      }

      @Override
      public void handle(CloudEvent event) throws Exception {
        body.handle(event);
      }
    };
  }
}
