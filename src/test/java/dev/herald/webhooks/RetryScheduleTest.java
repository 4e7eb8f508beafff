package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.config.WebhookSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final RetrySchedule schedule = RetrySchedule.of(WebhookSettings.defaults());

  @Test
  void eachFailedAttemptWaitsTheScheduledTimeFromItsEnd() {
    assertThat(schedule.maxAttempts()).isEqualTo(8);
    assertThat(schedule.next(1, T0, null, T0)).hasValue(T0.plusSeconds(5));
    assertThat(schedule.next(2, T0.plusSeconds(6), null, T0))
        .hasValue(T0.plusSeconds(6).plus(Duration.ofMinutes(5)));
    assertThat(schedule.next(4, T0.plusSeconds(3600), null, T0))
        .hasValue(T0.plusSeconds(3600).plus(Duration.ofHours(2)));
    assertThat(schedule.next(7, T0.plus(Duration.ofHours(20)), null, T0))
        .hasValue(T0.plus(Duration.ofHours(30)));
  }

  @Test
  void theDeliveryIsExhaustedWhenTheWaitsAreUsedUp() {
    assertThat(schedule.next(8, T0.plus(Duration.ofHours(30)), null, T0)).isEmpty();
  }

  @Test
  void aLaterRetryAfterWinsAnEarlierOneDoesNot() {
    assertThat(schedule.next(1, T0, Duration.ofSeconds(120), T0)).hasValue(T0.plusSeconds(120));
    assertThat(schedule.next(2, T0, Duration.ofSeconds(120), T0))
        .hasValue(T0.plus(Duration.ofMinutes(5)));
    assertThat(schedule.next(1, T0, Duration.ZERO, T0)).hasValue(T0.plusSeconds(5));
  }

  @Test
  void noWaitReachesBeyondTheDisableDeadline() {
    Instant failingSince = T0.minus(Duration.ofDays(5)).plus(Duration.ofMinutes(1));

    assertThat(schedule.next(3, T0, null, failingSince)).hasValue(T0.plus(Duration.ofMinutes(1)));
    assertThat(schedule.next(1, T0, Duration.ofDays(30), T0)).hasValue(T0.plus(Duration.ofDays(5)));
  }

  @Test
  void anEndpointFailingForDisableAfterIsDisabledAndItsDeliveryExhausted() {
    Instant fiveDaysLater = T0.plus(Duration.ofDays(5));

    assertThat(schedule.disables(T0, fiveDaysLater.minusSeconds(1))).isFalse();
    assertThat(schedule.disables(T0, fiveDaysLater)).isTrue();
    assertThat(schedule.next(1, fiveDaysLater, null, T0)).isEmpty();
  }

  @Test
  void anAttemptNumberBelowOneIsAMistake() {
    assertThatThrownBy(() -> schedule.next(0, T0, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
