package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

class ConsumerLoopTest {

  private static final Logger LOG = Logger.getLogger(ConsumerLoopTest.class.getName());

  @Test
  void aFailedRoundIsRunAgainAfterTheWaitAndReadingClearsTheFailure() throws Exception {
    ConsumerLoop loop = new ConsumerLoop("Tests are read", LOG, Duration.ofMillis(10), true);
    AtomicInteger rounds = new AtomicInteger();
    loop.start(
        Executors.defaultThreadFactory(),
        "test-loop",
        () -> {
          if (rounds.incrementAndGet() < 3) {
            throw new IllegalStateException("broker gone");
          }
          loop.reading();
          loop.pause(Duration.ofSeconds(30));
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 3);
    await().atMost(Duration.ofSeconds(10)).until(() -> loop.failure().isEmpty());
    loop.stop(Duration.ofSeconds(10));
    assertThat(loop.running()).isFalse();
  }

  @Test
  void onlyKafkasRefusalsAreRetriedWhenSoChosenAndAnythingElseEndsTheLoop() throws Exception {
    ConsumerLoop loop = new ConsumerLoop("Tests are read", LOG, Duration.ofMillis(10), false);
    AtomicInteger rounds = new AtomicInteger();
    loop.start(
        Executors.defaultThreadFactory(),
        "test-loop",
        () -> {
          if (rounds.incrementAndGet() == 1) {
            throw new SaslAuthenticationException("wrong password");
          }
          throw new IllegalStateException("a bug");
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> loop.failure().orElse("").contains("a bug"));
    assertThat(rounds.get()).isEqualTo(2);
    loop.stop(Duration.ofSeconds(10));
  }

  @Test
  void aStopWakesTheRoundsConsumer() throws Exception {
    ConsumerLoop loop = new ConsumerLoop("Tests are read", LOG, Duration.ofMillis(10), true);
    MockConsumer<String, byte[]> consumer =
        new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    AtomicInteger rounds = new AtomicInteger();
    loop.start(
        Executors.defaultThreadFactory(),
        "test-loop",
        () -> {
          rounds.incrementAndGet();
          loop.using(consumer);
          while (loop.running()) {
            consumer.poll(Duration.ofMillis(50));
          }
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 1);
    loop.stop(Duration.ofSeconds(10));
    assertThat(loop.failure()).isEmpty();
    assertThat(rounds.get()).as("a wakeup is a stop, not a failure").isEqualTo(1);
  }
}
