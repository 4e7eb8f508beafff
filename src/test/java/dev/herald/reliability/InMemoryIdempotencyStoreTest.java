package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {

  @Test
  void remembersPairsPerHandlerAndForgetsTheOldestBeyondItsCapacity() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(3);

    store.markCompleted("audit", "e-1");
    store.markCompleted("audit", "e-2");
    store.markCompleted("analytics", "e-1");

    assertThat(store.isCompleted("audit", "e-1")).isTrue();
    assertThat(store.isCompleted("analytics", "e-1")).isTrue();
    assertThat(store.isCompleted("analytics", "e-2")).isFalse();
    assertThat(store.isCompleted("audite", "-1")).isFalse();

    store.markCompleted("audit", "e-3");

    assertThat(store.isCompleted("audit", "e-1")).as("the oldest pair is forgotten").isFalse();
    assertThat(store.isCompleted("audit", "e-2")).isTrue();
    assertThat(store.isCompleted("audit", "e-3")).isTrue();
  }

  @Test
  void markingAPairTwiceKeepsOneEntry() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(2);

    store.markCompleted("h", "a");
    store.markCompleted("h", "a");
    store.markCompleted("h", "b");

    assertThat(store.isCompleted("h", "a")).isTrue();
    assertThat(store.isCompleted("h", "b")).isTrue();
  }

  /** Against a reference model, through many evictions: the index stays exact. */
  @Test
  void agreesWithAFirstInFirstOutSetOverAMillionOperations() {
    int capacity = 1_000;
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(capacity);
    Deque<String> order = new ArrayDeque<>();
    Set<String> model = new HashSet<>();
    Random random = new Random(42);

    for (int i = 0; i < 1_000_000; i++) {
      String id = "e-" + random.nextInt(5_000);
      if (random.nextBoolean()) {
        if (model.add(id)) {
          order.addLast(id);
          if (order.size() > capacity) {
            model.remove(order.removeFirst());
          }
        }
        store.markCompleted("h", id);
      } else {
        assertThat(store.isCompleted("h", id))
            .as("%s after %d operations", id, i)
            .isEqualTo(model.contains(id));
      }
    }
  }
}
