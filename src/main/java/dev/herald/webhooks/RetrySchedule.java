package dev.herald.webhooks;

import dev.herald.config.WebhookSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, the n-th wait of {@code
 * herald.webhooks.retry-schedule} (or later, when the endpoint asked for more with {@code
 * Retry-After}), until the waits are used up or the endpoint has been failing for {@code
 * herald.webhooks.disable-after}.
 */
public record RetrySchedule(List<Duration> waits, Duration disableAfter) {

  public RetrySchedule {
    waits = List.copyOf(waits);
    if (waits.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule has at least one wait");
    }
  }

  public static RetrySchedule of(WebhookSettings settings) {
    return new RetrySchedule(settings.retrySchedule(), settings.disableAfter());
  }

  /**
   * When to try again, or empty when the delivery is exhausted.
   *
   * @param failedAttempts attempts made so far, all failed (1 after the first)
   * @param lastAttemptEnded when the last one ended; the wait counts from there
   * @param retryAfter what the endpoint asked for ({@link Attempt#retryAfter()}), or null; honoured
   *     when later than the schedule's wait, but never past the disable deadline
   * @param failingSince when the endpoint began to fail (its first failure since its last success)
   */
  public Optional<Instant> next(
      int failedAttempts, Instant lastAttemptEnded, Duration retryAfter, Instant failingSince) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("no attempt failed yet: " + failedAttempts);
    }
    if (failedAttempts > waits.size() || disables(failingSince, lastAttemptEnded)) {
      return Optional.empty();
    }
    Instant due = lastAttemptEnded.plus(waits.get(failedAttempts - 1));
    if (retryAfter != null && lastAttemptEnded.plus(retryAfter).isAfter(due)) {
      due = lastAttemptEnded.plus(retryAfter);
    }
    Instant deadline = failingSince.plus(disableAfter);
    return Optional.of(due.isAfter(deadline) ? deadline : due);
  }

  /** Whether an endpoint failing since then has failed long enough to be disabled by now. */
  public boolean disables(Instant failingSince, Instant now) {
    return !now.isBefore(failingSince.plus(disableAfter));
  }

  /** The most attempts one delivery gets: the first and one per wait. */
  public int maxAttempts() {
    return waits.size() + 1;
  }
}
