package dev.herald.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the server's memory every second while scenarios run and keeps, per scenario, the highest
 * resident set and heap seen.
 */
final class MemorySampler implements AutoCloseable {

  private final BenchServer server;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "memory-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, MemorySample> highest = new LinkedHashMap<>();
  private volatile String phase;

  MemorySampler(BenchServer server) {
    this.server = server;
    timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  /** Samples from now on count for this scenario; {@code null} for none. */
  void phase(String name) {
    phase = name;
    if (name != null) {
      sample();
    }
  }

  /** The highest figures of each scenario, in the order they ran. */
  synchronized Map<String, MemorySample> highest() {
    return new LinkedHashMap<>(highest);
  }

  /** A sample now; with {@code gc}, after a full garbage collection (the live heap). */
  MemorySample now(boolean gc) {
    return MemorySample.of(server.get("memory?gc=" + gc));
  }

  private void sample() {
    String current = phase;
    if (current == null) {
      return;
    }
    try {
      MemorySample sample = now(false);
      synchronized (this) {
        highest.merge(current, sample, MemorySample::max);
      }
    } catch (RuntimeException e) {
      System.err.println("memory sample during " + current + " failed: " + e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
