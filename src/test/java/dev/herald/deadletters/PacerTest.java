package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {

  @Test
  void sendsAreSpacedAtTheRate() {
    Pacer pacer = new Pacer(200);
    long start = System.nanoTime();
    for (int i = 0; i < 21; i++) {
      assertThat(pacer.awaitNext()).isTrue();
    }
    // the 21st send is due 20 periods of 5 ms after the first
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(99);
  }

  @Test
  void anInterruptedThreadStopsWaiting() {
    Pacer pacer = new Pacer(1);
    assertThat(pacer.awaitNext()).isTrue();
    Thread.currentThread().interrupt();
    try {
      assertThat(pacer.awaitNext()).isFalse();
    } finally {
      Thread.interrupted();
    }
  }
}
