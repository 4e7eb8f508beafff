package dev.herald.testing;

import dev.herald.events.CloudEvent;
import dev.herald.routing.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/**
 * Test handler deployed with the WAR: fails every {@code chat.message.received} event whose data
 * has a {@code failWith} member, with that member's text as the message.
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
    return event.data() != null
        && event.data().getValueType() == JsonValue.ValueType.OBJECT
        && event.data().asJsonObject().containsKey(FAIL_WITH);
  }

  @Override
  public void handle(CloudEvent event) {
    throw new IllegalStateException(event.data().asJsonObject().getString(FAIL_WITH));
  }
}
