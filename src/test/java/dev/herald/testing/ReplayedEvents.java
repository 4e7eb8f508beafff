package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
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
import java.util.stream.Collectors;

/**
 * Test resource deployed with the WAR: the replayed events (those with a {@code replayid}) that
 * {@link ReplayWitness} and {@link ReplayBystander} received, per handler and per test run (the
 * data's {@value #RUN} member), in the order received, at {@code
 * /api/test/replayed/{handler}/{run}} as a JSON array of event ids.
 */
@ApplicationScoped
@PermitAll
@Path("test/replayed")
public class ReplayedEvents {

  /** The data member that marks a test's events and names its run. */
  public static final String RUN = "replayRun";

  private final Map<String, List<String>> replayed = new ConcurrentHashMap<>();

  static boolean marked(CloudEvent event) {
    return TestEvents.TYPE.equals(event.type()) && event.data() != null && event.data().has(RUN);
  }

  void received(String handler, CloudEvent event) {
    if (event.extension(CloudEventAttributes.REPLAYID) != null) {
      String run = event.data().get(RUN).stringValue();
      replayed
          .computeIfAbsent(handler + "/" + run, key -> new CopyOnWriteArrayList<>())
          .add(event.id());
    }
  }

  @GET
  @Path("{handler}/{run}")
  @Produces("application/json")
  public String replayed(@PathParam("handler") String handler, @PathParam("run") String run) {
    return replayed.getOrDefault(handler + "/" + run, List.of()).stream()
        .map(id -> "\"" + id + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
