package dev.herald.metrics;

import dev.herald.config.EventChannels;
import dev.herald.routing.EventMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
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
  static final Metadata PUBLISH_DURATION =
      Metadata.builder()
          .withName("herald.publish.duration")
          .withDescription(
              "Time from a publish call to the broker's answer per event, by type and outcome"
                  + " (success: acknowledged; failure: not stored)")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject EventChannels channels;

  /** Metrics by name and tags, so that the hot path does not build metric ids per event. */
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  /** Per type, the publish timers of success and failure: one map read per event, no key. */
  private final Map<String, Timer[]> publishTimers = new ConcurrentHashMap<>();

  private record Key(String name, String first, String second) {}

  /** Totals of one event type since start. */
  public record TypeTotals(long published, long consumed, long deadLettered) {}

  /**
   * Totals of one handler since start; {@code meanMillis} over successes and failures; {@code
   * lastError} its latest failure, null while it has none.
   */
  public record HandlerTotals(
      long successes, long failures, double meanMillis, LastError lastError) {}

  /** A handler's latest failure: when, on which event, and the error (at most 500 characters). */
  public record LastError(Instant at, String eventId, String error) {}

  private static final int MAX_ERROR_LENGTH = 500;

  /** Per handler, its latest failure. */
  private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();

  /**
   * Per event type: published, consumed and dead-lettered since start, read back from the
   * registry's own counters (the ones {@code /metrics} shows), so the numbers cannot disagree.
   */
  public Map<String, TypeTotals> typeTotals() {
    Map<String, long[]> sums = new TreeMap<>();
    counters.forEach(
        (key, counter) -> {
          String type = typeOf(key);
          if (type != null) {
            long[] sum = sums.computeIfAbsent(type, t -> new long[3]);
            sum[slot(key)] += counter.getCount();
          }
        });
    Map<String, TypeTotals> totals = new TreeMap<>();
    sums.forEach((type, sum) -> totals.put(type, new TypeTotals(sum[0], sum[1], sum[2])));
    return totals;
  }

  /** Per handler: successes, failures and mean time since start, from the duration timers. */
  public Map<String, HandlerTotals> handlerTotals() {
    Map<String, long[]> sums = new TreeMap<>();
    timers.forEach(
        (key, timer) -> {
          long[] sum = sums.computeIfAbsent(key.first(), h -> new long[3]);
          sum["success".equals(key.second()) ? 0 : 1] += timer.getCount();
          sum[2] += timer.getElapsedTime().toNanos();
        });
    Map<String, HandlerTotals> totals = new TreeMap<>();
    sums.forEach(
        (handler, sum) -> {
          long calls = sum[0] + sum[1];
          double mean = calls == 0 ? 0 : sum[2] / 1_000_000.0 / calls;
          totals.put(handler, new HandlerTotals(sum[0], sum[1], mean, lastErrors.get(handler)));
        });
    return totals;
  }

  private String typeOf(Key key) {
    if (key.name().equals(PUBLISHED.getName())) {
      return key.first();
    }
    if (key.name().equals(CONSUMED.getName())) {
      return key.second();
    }
    if (key.name().equals(DEAD_LETTERED.getName())) {
      return channels.forChannel(key.first()).map(c -> c.type()).orElse(null);
    }
    return null;
  }

  private static int slot(Key key) {
    if (key.name().equals(PUBLISHED.getName())) {
      return 0;
    }
    return key.name().equals(CONSUMED.getName()) ? 1 : 2;
  }

  @Override
  public void published(String type) {
    counter(PUBLISHED, "type", type, null, null).inc();
  }

  @Override
  public void publishEnded(String type, boolean stored, Duration duration) {
    Timer[] byOutcome = publishTimers.get(type);
    if (byOutcome == null) {
      byOutcome = publishTimers.computeIfAbsent(type, this::publishTimers);
    }
    byOutcome[stored ? 0 : 1].update(duration);
  }

  /** Both outcomes at once, so that a rate of failures reads 0 rather than nothing. */
  private Timer[] publishTimers(String type) {
    Tag tag = new Tag("type", type);
    return new Timer[] {
      registry.timer(PUBLISH_DURATION, tag, new Tag("outcome", "success")),
      registry.timer(PUBLISH_DURATION, tag, new Tag("outcome", "failure"))
    };
  }

  @Override
  public void consumed(String channel, String type) {
    counter(CONSUMED, "channel", channel, "type", type).inc();
  }

  @Override
  public void deadLettered(String channel, String reason) {
    counter(DEAD_LETTERED, "channel", channel, "reason", reason).inc();
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
    String outcome = success ? "success" : "failure";
    timers
        .computeIfAbsent(
            new Key(HANDLER_DURATION.getName(), handler, outcome),
            key ->
                registry.timer(
                    HANDLER_DURATION, new Tag("handler", handler), new Tag("outcome", outcome)))
        .update(duration);
  }

  @Override
  public void handlerFailed(String handler, String eventId, String error) {
    String text =
        error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    lastErrors.put(handler, new LastError(Instant.now(), eventId, text));
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
