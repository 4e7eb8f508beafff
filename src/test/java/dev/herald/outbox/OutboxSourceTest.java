package dev.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.config.OutboxSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Relays idle until a commit wakes them, every one of them, and miss no wake-up. */
class OutboxSourceTest {

  private final OutboxSource source =
      new OutboxSource(
          new OutboxSettings.Source(
              "herald",
              "jdbc/herald",
              "herald_outbox",
              true,
              2,
              500,
              Duration.ofMillis(20),
              Duration.ofMinutes(60),
              "aggregateid"),
          new OutboxMonitor() {
            @Override
            public void published(String outbox, int rows) {}

            @Override
            public void failed(String outbox) {}
          });

  @Test
  void aWakeUpDuringARoundEndsTheIdleThatFollowsIt() throws Exception {
    long since = source.wakeups();
    source.wake(); // a commit while the round ran

    idle(since).get(30, TimeUnit.SECONDS); // an idle of 60 s that returns at once
  }

  @Test
  void oneWakeUpWakesEveryIdleRelay() throws Exception {
    long since = source.wakeups();
    CompletableFuture<Void> first = idle(since);
    CompletableFuture<Void> second = idle(since);

    source.wake();

    CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
  }

  @Test
  void withoutAWakeUpTheIdleLastsItsTime() throws Exception {
    long started = System.nanoTime();
    source.idle(50, source.wakeups());

    assertThat(System.nanoTime() - started)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
  }

  private CompletableFuture<Void> idle(long since) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            source.idle(60_000, since);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
