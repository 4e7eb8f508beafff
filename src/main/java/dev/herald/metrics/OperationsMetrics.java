package dev.herald.metrics;

import dev.herald.deadletters.DeadLetterCounts;
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
  static final Metadata REDRIVEN =
      gauge(
          "herald.dead.letters.redriven",
          "Dead letters sent back to their topic since the server started, one by one or by tasks");
  static final Metadata PURGED =
      gauge(
          "herald.dead.letters.purged",
          "Dead-letter records deleted by purges since the server started");
  static final Metadata REDRIVE_TASKS =
      gauge("herald.dead.letters.redrive.tasks", "Redrive tasks running now on this server");

  @Inject ReplayCounts replays;
  @Inject DeadLetterCounts deadLetters;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(REPLAYED, replays, ReplayCounts::replayedEvents);
    registry.gauge(REPLAYS_RUNNING, replays, ReplayCounts::runningReplays);
    registry.gauge(REDRIVEN, deadLetters, DeadLetterCounts::redriven);
    registry.gauge(PURGED, deadLetters, DeadLetterCounts::purged);
    registry.gauge(REDRIVE_TASKS, deadLetters, DeadLetterCounts::redriveTasksRunning);
  }

  private static Metadata gauge(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
