package dev.herald.metrics;

import dev.herald.channels.EventChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Records what Herald does, in the application scope of {@code /metrics}. */
@ApplicationScoped
public class HeraldMetrics {

  static final Metadata PUBLISHED =
      counter("herald.events.published", "Events the broker acknowledged from Herald's publisher");
  static final Metadata CONSUMED =
      counter("herald.events.consumed", "Events decoded from a channel and handed to handlers");
  static final Metadata DEAD_LETTERED =
      counter(
          "herald.events.dead.lettered",
          "Records sent to a dead-letter topic; reason is rejected (not a valid event) or failed"
              + " (a handler failed)");
  static final Metadata RETRIED =
      counter(
          "herald.events.retried",
          "Records sent to a retry topic because their handlers failed transiently");
  static final Metadata DUPLICATES =
      counter(
          "herald.handler.duplicates",
          "Redelivered events a handler had already completed, so it was not called again");
  static final Metadata HANDLER_DURATION =
      Metadata.builder()
          .withName("herald.handler.duration")
          .withDescription("Time a handler took per event, by outcome (success or failure)")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject EventStatistics statistics;
  @Inject EventChannels channels;

  public void published(String type) {
    registry.counter(PUBLISHED, new Tag("type", type)).inc();
    statistics.published(type);
  }

  public void consumed(String channel, String type) {
    registry.counter(CONSUMED, new Tag("channel", channel), new Tag("type", type)).inc();
    statistics.consumed(type);
  }

  public void deadLettered(String channel, String reason) {
    registry.counter(DEAD_LETTERED, new Tag("channel", channel), new Tag("reason", reason)).inc();
    channels.forChannel(channel).ifPresent(c -> statistics.deadLettered(c.type()));
  }

  public void retried(String channel, String topic) {
    registry.counter(RETRIED, new Tag("channel", channel), new Tag("topic", topic)).inc();
  }

  public void duplicate(String handler) {
    registry.counter(DUPLICATES, new Tag("handler", handler)).inc();
  }

  public void handled(String handler, boolean success, Duration duration) {
    statistics.handled(handler, success, duration);
    registry
        .timer(
            HANDLER_DURATION,
            new Tag("handler", handler),
            new Tag("outcome", success ? "success" : "failure"))
        .update(duration);
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
