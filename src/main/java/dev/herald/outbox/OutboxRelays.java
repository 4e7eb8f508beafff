package dev.herald.outbox;

import dev.herald.api.EventPublisher;
import dev.herald.config.OutboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts the relays of every configured outbox ({@code herald.outbox.sources}), counts what each
 * table holds every few seconds, deletes published rows past their retention, and stops the relays
 * with the application.
 */
@ApplicationScoped
public class OutboxRelays {

  private static final Logger LOG = Logger.getLogger(OutboxRelays.class.getName());
  static final long COUNT_EVERY_MS = 2000;
  static final long BACKOFF_MS = 1000;
  static final int PURGE_CHUNK = 5000;

  @Inject OutboxSettings settings;
  @Inject EventPublisher publisher;
  @Inject OutboxMonitor monitor;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource ManagedScheduledExecutorService scheduler;

  private Map<String, OutboxSource> sources = Map.of();
  private final List<Thread> relays = new ArrayList<>();
  private volatile boolean running;
  private ScheduledFuture<?> counting;
  private long lastPurge;

  /** The outboxes, known as soon as the bean exists (the metrics register theirs at start). */
  @PostConstruct
  void configure() {
    sources =
        settings.sources().stream()
            .map(source -> new OutboxSource(source, monitor))
            .collect(
                Collectors.toMap(
                    OutboxSource::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    running = true;
    for (OutboxSource source : sources.values()) {
      lookup(source);
      for (int i = 0; i < source.settings().relays(); i++) {
        Relay relay = new Relay(source, publisher, i * Relay.WINDOW);
        Thread thread = threads.newThread(() -> relay(source, relay));
        thread.setName("herald-outbox-" + source.name() + "-" + i);
        relays.add(thread);
        thread.start();
      }
    }
    if (!sources.isEmpty()) {
      counting =
          scheduler.scheduleWithFixedDelay(
              this::countAndPurge, 0, COUNT_EVERY_MS, TimeUnit.MILLISECONDS);
    }
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored)
      throws InterruptedException {
    running = false;
    if (counting != null) {
      counting.cancel(false);
    }
    sources.values().forEach(OutboxSource::wake);
    for (Thread relay : relays) {
      relay.join(10_000);
    }
  }

  public List<OutboxSource> sources() {
    return List.copyOf(sources.values());
  }

  public Optional<OutboxSource> source(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  /** The failed rows of an outbox, oldest first, after {@code afterSeq}. */
  public List<OutboxRow> failed(OutboxSource source, long afterSeq, int limit) throws SQLException {
    try (Connection connection = source.connection()) {
      return source.table().failedRows(connection, afterSeq, limit);
    }
  }

  public Optional<OutboxRow> row(OutboxSource source, String id) throws SQLException {
    try (Connection connection = source.connection()) {
      return source.table().row(connection, id);
    }
  }

  /** Makes a failed row pending again and wakes the relays; false when no failed row has it. */
  public boolean retry(OutboxSource source, String id) throws SQLException {
    boolean retried;
    try (Connection connection = source.connection()) {
      retried = source.table().retry(connection, id);
    }
    if (retried) {
      source.wake();
    }
    return retried;
  }

  private void lookup(OutboxSource source) {
    try {
      source.dataSource(InitialContext.doLookup(source.settings().datasource()));
    } catch (NamingException | ClassCastException e) {
      source.failing(
          new IllegalStateException(
              "no data source with JNDI name '"
                  + source.settings().datasource()
                  + "' in server.xml: add one, or set "
                  + OutboxSettings.DATASOURCE.key(source.name())
                  + " to one that exists"));
    }
  }

  private void relay(OutboxSource source, Relay relay) {
    boolean brokerFailing = false;
    while (running) {
      long since = source.wakeups();
      try {
        boolean more = relay.round();
        source.answering();
        brokerFailing = false;
        if (!more) {
          source.idle(source.settings().pollInterval().toMillis(), since);
        }
      } catch (Relay.PublishInterruptedException e) {
        if (!brokerFailing) {
          LOG.warning("Outbox '" + source.name() + "': " + e.getMessage());
          brokerFailing = true;
        }
        pause(source);
      } catch (SQLException e) {
        source.failing(e);
        pause(source);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        source.failing(e);
        pause(source);
      }
    }
  }

  private void pause(OutboxSource source) {
    try {
      if (running) {
        source.idle(BACKOFF_MS, source.wakeups());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void countAndPurge() {
    boolean purge = System.currentTimeMillis() - lastPurge > 60_000;
    for (OutboxSource source : sources.values()) {
      try (Connection connection = source.connection()) {
        source.counted(source.table().counts(connection));
        if (purge && !source.settings().retention().isZero()) {
          Instant before = Instant.now().minus(source.settings().retention());
          while (source.table().purge(connection, before, PURGE_CHUNK) == PURGE_CHUNK && running) {
            LOG.fine("Outbox '" + source.name() + "': purged published rows");
          }
        }
        source.answering();
      } catch (SQLException | RuntimeException e) {
        source.failing(e);
      }
    }
    if (purge) {
      lastPurge = System.currentTimeMillis();
    }
  }
}
