package dev.herald.metrics;

import dev.herald.config.EventChannels;
import dev.herald.routing.EventMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Records what Herald does, in the application scope of {@code /metrics}. */
@ApplicationScoped
public class HeraldMetrics implements EventMonitor {

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

  /** Metrics by name and tags, so that the hot path does not build metric ids per event. */
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  private record Key(String name, String first, String second) {}

  @Override
  public void published(String type) {
    counter(PUBLISHED, "type", type, null, null).inc();
    statistics.published(type);
  }

  @Override
  public void consumed(String channel, String type) {
    counter(CONSUMED, "channel", channel, "type", type).inc();
    statistics.consumed(type);
  }

  @Override
  public void deadLettered(String channel, String reason) {
    counter(DEAD_LETTERED, "channel", channel, "reason", reason).inc();
    channels.forChannel(channel).ifPresent(c -> statistics.deadLettered(c.type()));
  }

  @Override
  public void retried(String channel, String topic) {
    counter(RETRIED, "channel", channel, "topic", topic).inc();
  }

  @Override
  public void duplicate(String handler) {
    counter(DUPLICATES, "handler", handler, null, null).inc();
  }

  @Override
  public void handled(String handler, boolean success, Duration duration) {
    statistics.handled(handler, success, duration);
    String outcome = success ? "success" : "failure";
    timers
        .computeIfAbsent(
            new Key(HANDLER_DURATION.getName(), handler, outcome),
            key ->
                registry.timer(
                    HANDLER_DURATION, new Tag("handler", handler), new Tag("outcome", outcome)))
        .update(duration);
  }

  /** The counter of a metric with one or two tags (the second name null for one). */
  private Counter counter(
      Metadata metadata, String tag, String value, String secondTag, String secondValue) {
    return counters.computeIfAbsent(
        new Key(metadata.getName(), value, secondValue),
        key ->
            secondTag == null
                ? registry.counter(metadata, new Tag(tag, value))
                : registry.counter(metadata, new Tag(tag, value), new Tag(secondTag, secondValue)));
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
