package dev.herald.testing;

import dev.herald.events.CloudEvent;
import dev.herald.routing.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test handler and resource deployed with the WAR: applies an "effect" (a counter per event id) for
 * every {@code chat.user.session_ended} event, and serves, for the ids with a prefix, how many
 * distinct events had an effect and how many effects there were in all at {@code
 * /api/test/effects/{prefix}}.
 */
@ApplicationScoped
@Path("test/effects")
public class EffectCounter implements EventHandler {

  public static final String TYPE = "chat.user.session_ended";

  private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "effect-counter";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return TYPE.equals(event.type());
  }

  @Override
  public void handle(CloudEvent event) {
    effects.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
  }

  @GET
  @Path("{prefix}")
  @Produces("application/json")
  public Map<String, Long> effects(@PathParam("prefix") String prefix) {
    long distinct = 0;
    long total = 0;
    for (Map.Entry<String, AtomicInteger> entry : effects.entrySet()) {
      if (entry.getKey().startsWith(prefix)) {
        distinct++;
        total += entry.getValue().get();
      }
    }
    return Map.of("distinct", distinct, "total", total);
  }
}
