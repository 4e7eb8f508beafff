package dev.herald.reliability;

import java.security.SecureRandom;

/**
 * The default store: the most recent {@code herald.idempotency.capacity} (handler, event id) pairs
 * in memory, oldest forgotten first. It covers redeliveries within a running server, not across a
 * restart.
 *
 * <p>Each pair is kept as a 128-bit fingerprint in two primitive arrays (a ring in arrival order
 * and an open-addressing index), so that marking an event allocates nothing: a store of strings
 * allocated two keys per call and kept 100,000 entries alive long enough for the collector to move
 * them to the old generation, which cost the channels more than the handlers did. Fingerprints are
 * seeded per process, so a producer cannot aim a collision at another event's id; two different
 * pairs share one with a probability of about 2<sup>-128</sup> per pair of entries.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

  private static final long[] SEEDS = seeds();

  private final int capacity;
  private final long[] high;
  private final long[] low;
  private final int[] index;
  private final int mask;
  private int size;
  private int next;

  public InMemoryIdempotencyStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("herald.idempotency.capacity must be at least 1");
    }
    this.capacity = capacity;
    this.high = new long[capacity];
    this.low = new long[capacity];
    int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    this.index = new int[slots];
    this.mask = slots - 1;
  }

  @Override
  public synchronized boolean isCompleted(String handler, String eventId) {
    long h = fingerprint(handler, eventId, SEEDS[0], SEEDS[1]);
    long l = fingerprint(handler, eventId, SEEDS[2], SEEDS[3]);
    return find(h, l) >= 0;
  }

  @Override
  public synchronized void markCompleted(String handler, String eventId) {
    long h = fingerprint(handler, eventId, SEEDS[0], SEEDS[1]);
    long l = fingerprint(handler, eventId, SEEDS[2], SEEDS[3]);
    if (find(h, l) >= 0) {
      return;
    }
    if (size == capacity) {
      unindex(next);
    } else {
      size++;
    }
    high[next] = h;
    low[next] = l;
    int slot = (int) h & mask;
    while (index[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    index[slot] = next + 1;
    next = (next + 1) % capacity;
  }

  @Override
  public boolean blocking() {
    return false;
  }

  /** The index slot holding the fingerprint, or -1. */
  private int find(long h, long l) {
    int slot = (int) h & mask;
    while (index[slot] != 0) {
      int entry = index[slot] - 1;
      if (high[entry] == h && low[entry] == l) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Removes the ring entry's slot from the index, shifting later slots of its run back. */
  private void unindex(int entry) {
    int slot = find(high[entry], low[entry]);
    index[slot] = 0;
    int at = (slot + 1) & mask;
    while (index[at] != 0) {
      int moved = index[at];
      int home = (int) high[moved - 1] & mask;
      // Moves the entry back when its home is not in the (cyclic) range (slot, at].
      if (((at - home) & mask) >= ((at - slot) & mask)) {
        index[slot] = moved;
        index[at] = 0;
        slot = at;
      }
      at = (at + 1) & mask;
    }
  }

  private static long fingerprint(String handler, String eventId, long seed, long multiplier) {
    long hash = seed;
    for (int i = 0; i < handler.length(); i++) {
      hash = (hash ^ handler.charAt(i)) * multiplier;
    }
    hash = (hash ^ 0xFFFF) * multiplier;
    for (int i = 0; i < eventId.length(); i++) {
      hash = (hash ^ eventId.charAt(i)) * multiplier;
    }
    return mix(hash ^ eventId.length());
  }

  /** SplitMix64's finalizer: every input bit reaches every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    SecureRandom random = new SecureRandom();
    // Odd multipliers keep the per-character step a bijection.
    return new long[] {
      random.nextLong(), random.nextLong() | 1, random.nextLong(), random.nextLong() | 1
    };
  }
}
