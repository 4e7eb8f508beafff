package dev.herald.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a channel retries a handler's transient failure in place: up to {@code maxAttempts} calls,
 * waiting {@code initialBackoff × multiplier^(n-1)} (at most {@code maxBackoff}) ± {@code jitter}
 * between call n and n+1. A call that outlasts {@code attemptTimeout} fails with a timeout (zero:
 * no limit).
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    Duration maxBackoff,
    double jitter,
    List<Class<? extends Throwable>> retryable,
    Duration attemptTimeout) {

  /** The wait after failed attempt {@code attempt} (1-based), before jitter. */
  public Duration nominalBackoff(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  /** The wait after failed attempt {@code attempt}, with jitter applied. */
  public Duration backoff(int attempt) {
    long nominal = nominalBackoff(attempt).toMillis();
    double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    return Duration.ofMillis(Math.max(0, Math.round(nominal * factor)));
  }

  /**
   * The longest a handler can hold a record: every attempt until its timeout and every backoff at
   * its jittered maximum.
   */
  public Duration worstCase() {
    long total = attemptTimeout.toMillis() * maxAttempts;
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      total += Math.round(nominalBackoff(attempt).toMillis() * (1 + jitter));
    }
    return Duration.ofMillis(total);
  }

  /** Transient failures are worth another attempt; anything else goes to the dead-letter topic. */
  public boolean isRetryable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (Class<? extends Throwable> type : retryable) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }
}
