package dev.herald.webhooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Per endpoint, a few lanes ({@code herald.webhooks.concurrency}) that each send one delivery at a
 * time, in the order given; a delivery's lane follows from its order key, so that one key's
 * deliveries go one after another while different keys go side by side. An endpoint holds at most
 * {@code herald.webhooks.queue-capacity} deliveries, waiting or under way; more are refused and
 * stay in the pending topic until there is room. A slow endpoint thus fills its own lanes only: the
 * others keep their threads.
 *
 * <p>A lane runs on the executor only while it has work, so idle endpoints hold no thread.
 */
final class Lanes {

  private final int concurrency;
  private final int capacity;
  private final Executor executor;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  Lanes(int concurrency, int capacity, Executor executor) {
    this.concurrency = concurrency;
    this.capacity = capacity;
    this.executor = executor;
  }

  /**
   * Queues a task on the lane of {@code orderKey} of the endpoint.
   *
   * @return false when the endpoint holds {@code capacity} tasks already: nothing was queued
   */
  boolean offer(String endpointId, String orderKey, Runnable task) {
    return endpoints.computeIfAbsent(endpointId, id -> new Endpoint()).offer(orderKey, task);
  }

  /** Tasks of the endpoint waiting or under way. */
  int held(String endpointId) {
    Endpoint endpoint = endpoints.get(endpointId);
    return endpoint == null ? 0 : endpoint.held();
  }

  /** Forgets a deleted endpoint's lanes once they are empty. */
  void forget(String endpointId) {
    endpoints.computeIfPresent(
        endpointId, (id, endpoint) -> endpoint.held() == 0 ? null : endpoint);
  }

  private final class Endpoint {
    private final Lane[] lanes = new Lane[concurrency];
    private int held;

    Endpoint() {
      for (int i = 0; i < lanes.length; i++) {
        lanes[i] = new Lane();
      }
    }

    synchronized int held() {
      return held;
    }

    boolean offer(String orderKey, Runnable task) {
      synchronized (this) {
        if (held >= capacity) {
          return false;
        }
        held++;
      }
      lanes[Math.floorMod(Objects.hashCode(orderKey), lanes.length)].add(task);
      return true;
    }

    private synchronized void done() {
      held--;
    }

    private final class Lane implements Runnable {
      private final Deque<Runnable> tasks = new ArrayDeque<>();
      private boolean running;

      void add(Runnable task) {
        boolean start;
        synchronized (this) {
          tasks.addLast(task);
          start = !running;
          running = true;
        }
        if (start) {
          try {
            executor.execute(this);
          } catch (RuntimeException e) { // the executor is shutting down
            synchronized (this) {
              running = false;
            }
            throw e;
          }
        }
      }

      @Override
      public void run() {
        while (true) {
          Runnable task;
          synchronized (this) {
            task = tasks.pollFirst();
            if (task == null) {
              running = false;
              return;
            }
          }
          try {
            task.run();
          } finally {
            done();
          }
        }
      }
    }
  }
}
