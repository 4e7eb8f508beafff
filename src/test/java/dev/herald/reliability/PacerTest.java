package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Long> waits = new ArrayList<>();

  /** Waits by moving the clock on. */
  private boolean waitNanos(long nanos) {
    waits.add(nanos);
    now.addAndGet(nanos);
    return false;
  }

  @Test
  void withoutARateNothingWaits() throws InterruptedException {
    Pacer pacer = new Pacer(0, now::get);

    for (int i = 0; i < 5; i++) {
      assertThat(pacer.await(this::waitNanos)).isTrue();
    }

    assertThat(waits).isEmpty();
  }

  @Test
  void eventsAreSpacedAtTheRate() throws InterruptedException {
    Pacer pacer = new Pacer(4, now::get);

    for (int i = 0; i < 3; i++) {
      pacer.await(this::waitNanos);
    }

    assertThat(waits).containsExactly(250_000_000L, 250_000_000L);
  }

  @Test
  void idleTimeEarnsNoBurst() throws InterruptedException {
    Pacer pacer = new Pacer(4, now::get);
    pacer.await(this::waitNanos);
    now.addAndGet(5_000_000_000L); // a slow handler

    pacer.await(this::waitNanos);
    pacer.await(this::waitNanos);

    assertThat(waits).containsExactly(250_000_000L);
  }

  @Test
  void aCancelDuringTheWaitEndsIt() throws InterruptedException {
    Pacer pacer = new Pacer(1, now::get);
    pacer.await(this::waitNanos);

    assertThat(pacer.await(nanos -> true)).isFalse();
  }
}
