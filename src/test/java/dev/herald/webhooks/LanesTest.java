package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanesTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  @Test
  void oneKeysTasksRunInTheOrderGiven() {
    Lanes lanes = new Lanes(4, 1000, executor);
    List<Integer> ran = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 500; i++) {
      int n = i;
      assertThat(lanes.offer("wh_1", "acme", () -> ran.add(n))).isTrue();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 500);
    assertThat(ran).isSorted();
    await().atMost(Duration.ofSeconds(10)).until(() -> lanes.held("wh_1") == 0);
  }

  @Test
  void aStuckEndpointFillsItsOwnCapacityOnlyAndAnotherKeepsGoing() {
    Lanes lanes = new Lanes(2, 4, executor);
    for (int i = 0; i < 4; i++) {
      assertThat(lanes.offer("slow", "key-" + i, this::stuck)).isTrue();
    }
    assertThat(lanes.offer("slow", "key-9", () -> {})).as("over its capacity").isFalse();
    assertThat(lanes.held("slow")).isEqualTo(4);

    CountDownLatch fast = new CountDownLatch(100);
    for (int i = 0; i < 100; i++) {
      while (!lanes.offer("fast", "key-" + i, fast::countDown)) {
        Thread.onSpinWait(); // its own capacity of 4 frees as its tasks finish
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> fast.getCount() == 0);
    assertThat(lanes.held("slow")).as("still stuck").isEqualTo(4);

    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> lanes.held("slow") == 0);
    assertThat(lanes.offer("slow", "key-9", () -> {})).isTrue();
  }

  @Test
  void differentKeysOfOneEndpointGoSideBySide() throws Exception {
    Lanes lanes = new Lanes(8, 64, executor);
    CountDownLatch together = new CountDownLatch(2);
    List<Boolean> met = new CopyOnWriteArrayList<>();
    Runnable meet =
        () -> {
          together.countDown();
          try {
            met.add(together.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    // two keys in different lanes: each task waits for the other, so they must run at once
    String first = "a";
    String second = "b";
    while (Math.floorMod(second.hashCode(), 8) == Math.floorMod(first.hashCode(), 8)) {
      second = second + "b";
    }
    lanes.offer("wh_1", first, meet);
    lanes.offer("wh_1", second, meet);
    await().atMost(Duration.ofSeconds(15)).until(() -> met.size() == 2);
    assertThat(met).containsOnly(true);
  }

  private void stuck() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
