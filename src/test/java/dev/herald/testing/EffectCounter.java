package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
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
@PermitAll
@Path("test/effects")
public class EffectCounter implements EventHandler {

  public static final String TYPE = "chat.user.session_ended";

  /** System property: a file the counter appends each effect's event id to. */
  public static final String JOURNAL = "herald.test.effects-journal";

  /**
   * System property: how many effects the handler applies before it parks, once, before the next
   * effect (whichever event that is).
   */
  public static final String PAUSE_AFTER = "herald.test.pause-after";

  /** System property: the event id at which the handler parks, once. */
  public static final String PAUSE_AT = "herald.test.pause-at";

  /**
   * System property: the server's name, which each journal line then carries after the event id,
   * with the effect's time in epoch milliseconds ({@code <id> <server> <millis>}).
   */
  public static final String SERVER = "herald.test.server-name";

  /** System property: how long each effect takes, in milliseconds (none by default). */
  public static final String EFFECT_MS = "herald.test.effect-ms";

  private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
  private final AtomicInteger applied = new AtomicInteger();
  private volatile long effectMillis = -1;

  @Override
  public String name() {
    return "effect-counter";
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return TYPE.equals(event.type());
  }

  @Override
  public void handle(CloudEvent event) throws Exception {
    String journal = System.getProperty(JOURNAL);
    if (journal != null) {
      java.nio.file.Path marker = java.nio.file.Path.of(journal + ".paused");
      pauseOnce(event.id(), marker);
      if (applied.get() >= Integer.getInteger(PAUSE_AFTER, Integer.MAX_VALUE)) {
        park(marker);
      }
      long delay = effectMillis;
      Thread.sleep(delay >= 0 ? delay : Long.getLong(EFFECT_MS, 0));
      // appended by the process, so a kill -9 of the server does not lose it
      String server = System.getProperty(SERVER);
      Files.writeString(
          java.nio.file.Path.of(journal),
          event.id()
              + (server == null ? "" : " " + server + " " + System.currentTimeMillis())
              + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    effects.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    applied.incrementAndGet();
  }

  /**
   * Parks the handler, before its effect, on the event named by {@value #PAUSE_AT}, the first time
   * only: the crash test kills the server at that known point, mid-stream.
   */
  private static void pauseOnce(String id, java.nio.file.Path marker) throws Exception {
    if (id.equals(System.getProperty(PAUSE_AT))) {
      park(marker);
    }
  }

  /** Parks for good, the first time only, leaving {@code marker} as a sign. */
  private static void park(java.nio.file.Path marker) throws Exception {
    if (!Files.exists(marker)) {
      Files.createFile(marker);
      new java.util.concurrent.CountDownLatch(1).await();
    }
  }

  /** Sets how long each effect takes from now on, over {@value #EFFECT_MS}. */
  @PUT
  @Path("effect-ms/{millis}")
  public void effectMillis(@PathParam("millis") long millis) {
    effectMillis = millis;
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
