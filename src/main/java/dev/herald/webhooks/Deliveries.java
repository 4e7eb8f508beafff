package dev.herald.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent delivery attempts of each endpoint, the newest first: the last {@value #RETAINED} per
 * endpoint, in this server's memory only (lost on restart; each server shows its own).
 */
@ApplicationScoped
public class Deliveries {

  public static final int RETAINED = 100;

  private final Map<String, Deque<Delivery>> recent = new ConcurrentHashMap<>();

  /** Tells the metrics of each attempt. */
  @Inject Event<DeliveryAttempted> attempted;

  void record(String endpointId, Delivery delivery) {
    Deque<Delivery> deliveries = recent.computeIfAbsent(endpointId, id -> new ArrayDeque<>());
    synchronized (deliveries) {
      deliveries.addFirst(delivery);
      while (deliveries.size() > RETAINED) {
        deliveries.removeLast();
      }
    }
    attempted.fire(new DeliveryAttempted(endpointId, delivery));
  }

  public List<Delivery> recent(String endpointId) {
    Deque<Delivery> deliveries = recent.get(endpointId);
    if (deliveries == null) {
      return List.of();
    }
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** Forgets a deleted endpoint's attempts. */
  public void forget(String endpointId) {
    recent.remove(endpointId);
  }
}
