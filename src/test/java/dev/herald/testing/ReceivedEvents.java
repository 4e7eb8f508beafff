package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test handler and resource deployed with the WAR: keeps each {@code chat.message.received} event
 * as handlers received it, served at {@code /api/test/received/{id}} as {@code {schemaversion,
 * data}}.
 */
@ApplicationScoped
@PermitAll
@Path("test/received")
public class ReceivedEvents implements EventHandler {

  private final Map<String, CloudEvent> received = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "test-received";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return TestEvents.TYPE.equals(event.type());
  }

  @Override
  public void handle(CloudEvent event) {
    received.put(event.id(), event);
  }

  @GET
  @Path("{id}")
  @Produces("application/json")
  public String received(@PathParam("id") String id) {
    CloudEvent event = received.get(id);
    if (event == null) {
      throw new NotFoundException("not received: " + id);
    }
    return "{\"schemaversion\":\""
        + event.schemaversion()
        + "\",\"dataschema\":\""
        + event.dataschema()
        + "\",\"data\":"
        + event.data()
        + "}";
  }
}
