package dev.herald.benchmark.server;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Every garbage collection of the server's JVM while the benchmark runs, from the collectors' JMX
 * notifications ({@code com.sun.management.GarbageCollectionNotificationInfo}, read from its open
 * data so that no JDK-specific class is needed), and the phases the benchmark names, so that each
 * phase gets its pauses, their 99th percentile and maximum, and the share of its time they took.
 *
 * <p>A notification whose action is {@code end of GC cycle} reports a concurrent cycle (ZGC,
 * Shenandoah), which runs beside the application: it is counted apart. Every other one is a
 * stop-the-world pause: {@code end of minor GC} and {@code end of major GC} (G1's young, mixed and
 * full collections), {@code end of concurrent GC pause} (G1's remark and cleanup, reported from JDK
 * 20 on), {@code end of GC pause}. G1's concurrent marking itself reports nothing. Durations come
 * in whole milliseconds; the JVM's own GC log has them exactly.
 */
@ApplicationScoped
public class GcRecorder {

  static final String NOTIFICATION = "com.sun.management.gc.notification";

  private final Map<NotificationEmitter, NotificationListener> listeners = new LinkedHashMap<>();
  private final List<Collected> collections = new ArrayList<>();
  private final List<Interval> intervals = new ArrayList<>();
  private String current;
  private long currentStart;

  /** One collection: when it started (ms of JVM uptime), how long it took, which kind. */
  record Collected(
      String collector, String action, String cause, long start, long millis, boolean pause) {}

  private record Interval(String phase, long start, long end) {}

  @PostConstruct
  void listen() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        NotificationListener listener = (notification, handback) -> collected(notification);
        emitter.addNotificationListener(
            listener, notification -> NOTIFICATION.equals(notification.getType()), null);
        listeners.put(emitter, listener);
      }
    }
  }

  /** The JVM outlives the application: its collectors must not keep calling this one. */
  @PreDestroy
  void stop() {
    listeners.forEach(
        (emitter, listener) -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (ListenerNotFoundException e) {
            // already gone
          }
        });
    listeners.clear();
  }

  /** From now on, collections count for {@code phase}; {@code null} for none. */
  public synchronized void phase(String phase) {
    long now = uptime();
    if (current != null) {
      intervals.add(new Interval(current, currentStart, now));
    }
    current = phase;
    currentStart = now;
  }

  /**
   * Each phase's collections, in the order the phases first ran (a phase that ran several times
   * adds up its times), then the whole run from the first phase's start.
   */
  public synchronized List<GcPhase> phases() {
    List<Interval> all = new ArrayList<>(intervals);
    long now = uptime();
    if (current != null) {
      all.add(new Interval(current, currentStart, now));
    }
    Map<String, List<Interval>> byPhase = new LinkedHashMap<>();
    for (Interval interval : all) {
      byPhase.computeIfAbsent(interval.phase(), p -> new ArrayList<>()).add(interval);
    }
    List<GcPhase> phases = new ArrayList<>();
    byPhase.forEach((phase, times) -> phases.add(summary(phase, times)));
    if (!all.isEmpty()) {
      phases.add(summary(null, List.of(new Interval(null, all.get(0).start(), now))));
    }
    return phases;
  }

  private GcPhase summary(String phase, List<Interval> times) {
    long wall = 0;
    List<Long> pauses = new ArrayList<>();
    long concurrent = 0;
    long concurrentMillis = 0;
    for (Interval interval : times) {
      wall += interval.end() - interval.start();
      for (Collected collection : collections) {
        if (collection.start() >= interval.start() && collection.start() < interval.end()) {
          if (collection.pause()) {
            pauses.add(collection.millis());
          } else {
            concurrent++;
            concurrentMillis += collection.millis();
          }
        }
      }
    }
    pauses.sort(null);
    long total = pauses.stream().mapToLong(Long::longValue).sum();
    long p99 = pauses.isEmpty() ? 0 : pauses.get((int) Math.ceil(0.99 * pauses.size()) - 1);
    long max = pauses.isEmpty() ? 0 : pauses.get(pauses.size() - 1);
    return new GcPhase(phase, wall, pauses.size(), p99, max, total, concurrent, concurrentMillis);
  }

  private void collected(Notification notification) {
    CompositeData info = (CompositeData) notification.getUserData();
    CompositeData gc = (CompositeData) info.get("gcInfo");
    String action = (String) info.get("gcAction");
    Collected collection =
        new Collected(
            (String) info.get("gcName"),
            action,
            (String) info.get("gcCause"),
            (Long) gc.get("startTime"),
            (Long) gc.get("duration"),
            !action.toLowerCase(Locale.ROOT).contains("cycle"));
    synchronized (this) {
      collections.add(collection);
    }
  }

  private static long uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  /**
   * One phase's collections; times in milliseconds.
   *
   * @param phase the benchmark's name for it; {@code null} for the whole run
   * @param wallMillis how long the phase ran
   * @param pauses stop-the-world pauses that started in it
   * @param pauseMillis their sum
   * @param concurrentMillis the sum of the concurrent cycles' durations
   */
  public record GcPhase(
      String phase,
      long wallMillis,
      int pauses,
      long pauseP99Millis,
      long pauseMaxMillis,
      long pauseMillis,
      long concurrentCycles,
      long concurrentMillis) {}
}
