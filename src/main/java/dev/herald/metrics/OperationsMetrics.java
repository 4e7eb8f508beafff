package dev.herald.metrics;

import dev.herald.replay.ReplayCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What operators asked for: replays and dead-letter redrives and purges, read from the counts the
 * operations keep (totals since the server started, and what runs now).
 */
@ApplicationScoped
public class OperationsMetrics {

  static final Metadata REPLAYED =
      gauge("herald.replay.events", "Events replays handed to handlers since the server started");
  static final Metadata REPLAYS_RUNNING = gauge("herald.replay.running", "Replays running now");

  @Inject ReplayCounts replays;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(REPLAYED, replays, ReplayCounts::replayedEvents);
    registry.gauge(REPLAYS_RUNNING, replays, ReplayCounts::runningReplays);
  }

  private static Metadata gauge(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
