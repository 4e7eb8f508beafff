package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.TransientHandlerException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(
          5,
          Duration.ofMillis(200),
          3.0,
          Duration.ofSeconds(2),
          0.25,
          List.of(TransientHandlerException.class, IOException.class, TimeoutException.class),
          Duration.ZERO);

  @Test
  void backoffGrowsByTheMultiplierUpToTheMaximum() {
    assertThat(policy.nominalBackoff(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.nominalBackoff(2)).isEqualTo(Duration.ofMillis(600));
    assertThat(policy.nominalBackoff(3)).isEqualTo(Duration.ofMillis(1800));
    assertThat(policy.nominalBackoff(4)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jitterStaysWithinItsBounds() {
    for (int i = 0; i < 1000; i++) {
      assertThat(policy.backoff(2).toMillis()).isBetween(450L, 750L);
    }
  }

  @Test
  void worstCaseAddsEveryJitteredBackoffBetweenAttempts() {
    assertThat(policy.worstCase()).isEqualTo(Duration.ofMillis(250 + 750 + 2250 + 2500));
  }

  @Test
  void worstCaseCountsEveryAttemptUpToItsTimeout() {
    RetryPolicy timed =
        new RetryPolicy(
            3,
            Duration.ofMillis(100),
            2.0,
            Duration.ofSeconds(1),
            0.0,
            List.of(),
            Duration.ofSeconds(5));
    assertThat(timed.worstCase()).isEqualTo(Duration.ofMillis(3 * 5000 + 100 + 200));
  }

  @Test
  void transientFailuresAreFoundAlongTheCauseChain() {
    assertThat(policy.isRetryable(new TransientHandlerException("x"))).isTrue();
    assertThat(policy.isRetryable(new RuntimeException(new java.net.SocketTimeoutException())))
        .isTrue();
    assertThat(policy.isRetryable(new IllegalArgumentException("bad data"))).isFalse();
  }
}
