package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PendingSendsTest {

  private final AtomicLong clock = new AtomicLong();
  private final PendingSends pending = new PendingSends(2, clock::get);

  @Test
  void thereIsRoomUntilTheBound() throws InterruptedException {
    assertThat(pending.awaitRoom(Duration.ZERO)).isTrue();
    long first = pending.begin();
    assertThat(pending.awaitRoom(Duration.ZERO)).isTrue();
    pending.begin();

    assertThat(pending.size()).isEqualTo(2);
    assertThat(pending.awaitRoom(Duration.ofMillis(1))).isFalse();

    pending.end(first);
    assertThat(pending.awaitRoom(Duration.ZERO)).isTrue();
  }

  @Test
  void aWaitingWriterWakesWhenAWriteIsDone() throws Exception {
    long first = pending.begin();
    pending.begin();
    Thread done = new Thread(() -> pending.end(first));

    done.start();
    boolean room = pending.awaitRoom(Duration.ofSeconds(30));
    done.join();

    assertThat(room).isTrue();
  }

  @Test
  void theOldestPendingWriteDecidesWhetherTheClientStalled() {
    long first = pending.begin();
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    pending.begin();
    clock.addAndGet(Duration.ofSeconds(5).toNanos());

    assertThat(pending.stalled(Duration.ofSeconds(10))).isTrue();
    pending.end(first);
    assertThat(pending.stalled(Duration.ofSeconds(10))).isFalse();
  }

  @Test
  void nothingPendingNeverStalls() {
    clock.set(Long.MAX_VALUE / 2);

    assertThat(pending.stalled(Duration.ofMillis(1))).isFalse();
  }

  @Test
  void endingAWriteTwiceCountsOnce() {
    long first = pending.begin();
    pending.begin();

    pending.end(first);
    pending.end(first);

    assertThat(pending.size()).isEqualTo(1);
  }
}
