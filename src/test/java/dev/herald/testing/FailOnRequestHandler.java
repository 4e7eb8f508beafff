package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test handler deployed with the WAR: fails every event whose data has a {@code failWith} member,
 * with that member's text as the message.
 */
@ApplicationScoped
public class FailOnRequestHandler implements EventHandler {

  public static final String FAIL_WITH = "failWith";

  @Override
  public String name() {
    return "fail-on-request";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return event.data() != null && event.data().has(FAIL_WITH);
  }

  @Override
  public void handle(CloudEvent event) {
    throw new IllegalStateException(event.data().get(FAIL_WITH).stringValue());
  }
}
