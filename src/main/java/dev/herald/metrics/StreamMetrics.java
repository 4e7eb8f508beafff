package dev.herald.metrics;

import dev.herald.stream.StreamEnd;
import dev.herald.stream.StreamMonitor;
import dev.herald.stream.Streams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Live streams: open now, opened and events written since the server started, and clients dropped
 * by reason ({@code slow}: a write waited longer than the send timeout; {@code error}: reading the
 * topics failed). A client that leaves, and a server that stops, drop no one.
 */
@ApplicationScoped
public class StreamMetrics implements StreamMonitor {

  static final Metadata OPEN =
      Metadata.builder()
          .withName("herald.stream.open")
          .withDescription("Live streams (GET /api/stream) open now on this server")
          .build();
  static final Metadata OPENED =
      Metadata.builder()
          .withName("herald.stream.opened")
          .withDescription("Live streams opened since the server started")
          .build();
  static final Metadata EVENTS =
      Metadata.builder()
          .withName("herald.stream.events")
          .withDescription("Events written to live streams' clients since the server started")
          .build();
  static final Metadata DROPPED =
      Metadata.builder()
          .withName("herald.stream.dropped")
          .withDescription(
              "Live streams the server ended while their client still wanted them, by reason:"
                  + " slow (a write waited longer than herald.stream.send-timeout-ms) or error"
                  + " (reading the topics failed)")
          .build();

  @Inject Streams streams;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private volatile Counter opened;
  private volatile Counter events;
  private final Map<StreamEnd, Counter> dropped = new EnumMap<>(StreamEnd.class);

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(OPEN, streams, Streams::openStreams);
    counters();
  }

  @Override
  public void opened() {
    counters().opened.inc();
  }

  @Override
  public void streamed(int count) {
    counters().events.inc(count);
  }

  @Override
  public void dropped(StreamEnd why) {
    if (why.dropped()) {
      Counter counter;
      synchronized (this) {
        counter = counters().dropped.get(why);
      }
      counter.inc();
    }
  }

  /** Registers the counters once, each reason of a drop at 0 from the start. */
  private synchronized StreamMetrics counters() {
    if (opened == null) {
      for (StreamEnd why : StreamEnd.values()) {
        if (why.dropped()) {
          dropped.put(why, registry.counter(DROPPED, new Tag("reason", why.tag())));
        }
      }
      events = registry.counter(EVENTS);
      opened = registry.counter(OPENED);
    }
    return this;
  }
}
