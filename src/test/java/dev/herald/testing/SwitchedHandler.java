package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test handler and resource deployed with the WAR: an event whose data has {@code
 * failWhileSwitchedOn: <switch>} fails while that switch is on, and is handled once it is off.
 * {@code PUT /api/test/switches/{name}} turns a switch on, {@code DELETE} turns it off, {@code GET}
 * serves how many distinct events of the switch were handled and how many calls succeeded in all.
 */
@ApplicationScoped
@PermitAll
@Path("test/switches")
public class SwitchedHandler implements EventHandler {

  public static final String SWITCH = "failWhileSwitchedOn";

  private final Set<String> on = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, AtomicInteger>> handled = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "switched";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return event.data() != null && event.data().has(SWITCH);
  }

  @Override
  public void handle(CloudEvent event) {
    String name = event.data().get(SWITCH).stringValue();
    if (on.contains(name)) {
      throw new IllegalStateException("switch " + name + " is on");
    }
    handled
        .computeIfAbsent(name, n -> new ConcurrentHashMap<>())
        .computeIfAbsent(event.id(), id -> new AtomicInteger())
        .incrementAndGet();
  }

  @PUT
  @Path("{name}")
  public void switchOn(@PathParam("name") String name) {
    on.add(name);
  }

  @DELETE
  @Path("{name}")
  public void switchOff(@PathParam("name") String name) {
    on.remove(name);
  }

  @GET
  @Path("{name}")
  @Produces("application/json")
  public Map<String, Long> handled(@PathParam("name") String name) {
    Map<String, AtomicInteger> events = handled.getOrDefault(name, Map.of());
    long total = events.values().stream().mapToLong(AtomicInteger::get).sum();
    return Map.of("distinct", (long) events.size(), "total", total);
  }
}
