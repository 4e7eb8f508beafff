package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class ReadinessMetricsTest {

  @Test
  void aCheckReadsOneWhenUpAndZeroWhenDownOrWhenItThrows() {
    assertThat(ReadinessMetrics.up(() -> response(Status.UP))).isEqualTo(1);
    assertThat(ReadinessMetrics.up(() -> response(Status.DOWN))).isZero();
    assertThat(
            ReadinessMetrics.up(
                () -> {
                  throw new IllegalStateException("broken");
                }))
        .isZero();
  }

  private static HealthCheckResponse response(Status status) {
    return new HealthCheckResponse("herald-kafka", status, Optional.empty());
  }
}
