package dev.herald.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Running totals since start, per event type and per handler, for {@code GET /api/stats}. */
@ApplicationScoped
public class EventStatistics {

  /** Totals of one event type. */
  public record TypeTotals(long published, long consumed, long deadLettered) {}

  /** Totals of one handler; {@code meanMillis} over successes and failures. */
  public record HandlerTotals(long successes, long failures, double meanMillis) {}

  private final Map<String, LongAdder[]> types = new ConcurrentHashMap<>();
  private final Map<String, LongAdder[]> handlers = new ConcurrentHashMap<>();

  void published(String type) {
    counters(types, type)[0].increment();
  }

  void consumed(String type) {
    counters(types, type)[1].increment();
  }

  void deadLettered(String type) {
    counters(types, type)[2].increment();
  }

  void handled(String handler, boolean success, Duration duration) {
    LongAdder[] counters = counters(handlers, handler);
    counters[success ? 0 : 1].increment();
    counters[2].add(duration.toNanos());
  }

  public Map<String, TypeTotals> types() {
    Map<String, TypeTotals> totals = new TreeMap<>();
    types.forEach(
        (type, c) -> totals.put(type, new TypeTotals(c[0].sum(), c[1].sum(), c[2].sum())));
    return totals;
  }

  public Map<String, HandlerTotals> handlers() {
    Map<String, HandlerTotals> totals = new TreeMap<>();
    handlers.forEach(
        (handler, c) -> {
          long calls = c[0].sum() + c[1].sum();
          double mean = calls == 0 ? 0 : c[2].sum() / 1_000_000.0 / calls;
          totals.put(handler, new HandlerTotals(c[0].sum(), c[1].sum(), mean));
        });
    return totals;
  }

  private static LongAdder[] counters(Map<String, LongAdder[]> map, String key) {
    return map.computeIfAbsent(
        key, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
  }
}
