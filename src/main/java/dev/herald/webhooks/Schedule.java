package dev.herald.webhooks;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pending deliveries of the partitions of the pending topic this server owns, as read from the
 * topic and written by this server, and which of them are being attempted. Not thread-safe by
 * itself: its owner synchronizes.
 *
 * <p>A record is kept unless a newer one of its key (a higher offset in the same partition) is
 * known already: this server applies its own writes at once, before its consumer reads them back. A
 * tombstone is remembered until the consumer reads it, so that the older records before it cannot
 * bring a finished delivery back.
 */
final class Schedule {

  /** A key's newest record: a delivery, or null for a tombstone. */
  record Entry(PendingDelivery delivery, int partition, long offset) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Set<String> inFlight = new HashSet<>();

  void apply(String key, PendingDelivery delivery, int partition, long offset) {
    Entry known = entries.get(key);
    if (known != null && known.partition() == partition && known.offset() > offset) {
      return; // older than what this server wrote
    }
    if (delivery == null && known != null && known.offset() == offset) {
      entries.remove(key); // the consumer reached this server's tombstone
    } else {
      entries.put(key, new Entry(delivery, partition, offset));
    }
  }

  /**
   * The deliveries due at {@code now} that are not being attempted, in the order they were written
   * (per partition), so that deliveries of one key leave in order.
   */
  List<PendingDelivery> due(Instant now) {
    return entries.entrySet().stream()
        .filter(e -> e.getValue().delivery() != null && !inFlight.contains(e.getKey()))
        .filter(e -> !e.getValue().delivery().due().isAfter(now))
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparingInt(Entry::partition).thenComparingLong(Entry::offset))
        .map(Entry::delivery)
        .toList();
  }

  /** The earliest time a delivery not being attempted is due; null when none. */
  Instant next() {
    return entries.entrySet().stream()
        .filter(e -> e.getValue().delivery() != null && !inFlight.contains(e.getKey()))
        .map(e -> e.getValue().delivery().due())
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  void started(String key) {
    inFlight.add(key);
  }

  void finished(String key) {
    inFlight.remove(key);
  }

  /**
   * Moves a delivery's next attempt in this server's memory only (its record could not be written).
   */
  void postpone(String key, Instant due) {
    Entry known = entries.get(key);
    if (known != null && known.delivery() != null) {
      PendingDelivery later = known.delivery().dueAt(due);
      entries.put(key, new Entry(later, known.partition(), known.offset()));
    }
  }

  /** Forgets everything: the partitions are read again. */
  void clear() {
    entries.clear();
  }

  /** Forgets the partitions this server no longer owns; attempts under way finish. */
  void drop(Collection<Integer> partitions) {
    entries.values().removeIf(entry -> partitions.contains(entry.partition()));
  }

  /** Deliveries waiting (not tombstones), attempts under way included. */
  int pending() {
    return (int) entries.values().stream().filter(e -> e.delivery() != null).count();
  }
}
