package dev.herald.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default store: the most recent {@code herald.idempotency.capacity} (handler, event id) pairs
 * in memory. It covers redeliveries within a running server, not across a restart.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

  private final int capacity;

  private final Map<String, Boolean> completed =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > capacity;
        }
      };

  public InMemoryIdempotencyStore(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized boolean isCompleted(String handler, String eventId) {
    return completed.containsKey(key(handler, eventId));
  }

  @Override
  public synchronized void markCompleted(String handler, String eventId) {
    completed.put(key(handler, eventId), Boolean.TRUE);
  }

  @Override
  public boolean blocking() {
    return false;
  }

  private static String key(String handler, String eventId) {
    return handler + '\u0000' + eventId;
  }
}
