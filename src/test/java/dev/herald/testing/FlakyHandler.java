package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.api.TransientHandlerException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Test handler and resource deployed with the WAR: fails an event whose data has {@code
 * transientFailures: n} with a transient error n times, then succeeds; the times of its calls (ms
 * since the epoch) are served at {@code /api/test/attempts/{id}}.
 */
@ApplicationScoped
@PermitAll
@Path("test/attempts")
public class FlakyHandler implements EventHandler {

  public static final String TRANSIENT_FAILURES = "transientFailures";

  private static final Logger LOG = Logger.getLogger(FlakyHandler.class.getName());

  private final Map<String, List<Long>> calls = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return event.data() != null && event.data().has(TRANSIENT_FAILURES);
  }

  @Override
  public void handle(CloudEvent event) throws TransientHandlerException {
    List<Long> times = calls.computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>());
    times.add(System.currentTimeMillis());
    if (times.size() <= event.data().get(TRANSIENT_FAILURES).intValue()) {
      LOG.warning("Flaky handler fails attempt " + times.size());
      throw new TransientHandlerException("attempt " + times.size() + " timed out");
    }
  }

  @GET
  @Path("{id}")
  @Produces("application/json")
  public List<Long> attempts(@PathParam("id") String id) {
    return calls.getOrDefault(id, List.of());
  }
}
