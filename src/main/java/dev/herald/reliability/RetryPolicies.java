package dev.herald.reliability;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.RetrySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each channel's {@link RetryPolicy}, from {@link RetrySettings}: {@code
 * herald.retry.<channel>.<key>}, else {@code herald.retry.<key>}, else the default. Keys: {@code
 * max-attempts} (3), {@code initial-backoff-ms} (200), {@code multiplier} (2), {@code
 * max-backoff-ms} (5000), {@code jitter} (0.2), {@code attempt-timeout-ms} (10000; 0 for none);
 * {@code herald.retry.retryable-exceptions} lists the transient exception classes.
 *
 * <p>In-place retries hold the partition: a policy whose worst case reaches 80% of the channel's
 * {@code throttled.unprocessed-record-max-age.ms} (60 s by default) would mark the channel
 * unhealthy, so it stops the application instead.
 */
@ApplicationScoped
public class RetryPolicies {

  @Inject RetrySettings settings;
  @Inject EventChannels channels;

  private final Map<String, RetryPolicy> byChannel = new HashMap<>();

  @PostConstruct
  void load() {
    List<Class<? extends Throwable>> retryable = retryable();
    for (EventChannel channel : channels.all()) {
      String name = channel.channel();
      RetryPolicy policy =
          new RetryPolicy(
              settings.maxAttempts(name),
              Duration.ofMillis(settings.initialBackoffMs(name)),
              settings.multiplier(name),
              Duration.ofMillis(settings.maxBackoffMs(name)),
              settings.jitter(name),
              retryable,
              Duration.ofMillis(settings.attemptTimeoutMs(name)));
      check(channel, policy);
      byChannel.put(name, policy);
    }
  }

  public RetryPolicy forChannel(String channel) {
    RetryPolicy policy = byChannel.get(channel);
    if (policy == null) {
      throw new IllegalArgumentException("No channel '" + channel + "'");
    }
    return policy;
  }

  private void check(EventChannel channel, RetryPolicy policy) {
    String maxAgeKey = RetrySettings.maxRecordAgeKey(channel.channel());
    long maxAge = settings.maxRecordAgeMs(channel.channel());
    if (policy.maxAttempts() < 1
        || policy.multiplier() < 1
        || policy.jitter() < 0
        || policy.jitter() >= 1
        || policy.attemptTimeout().isNegative()) {
      throw new IllegalStateException(
          "Retry policy of channel '"
              + channel.channel()
              + "' is invalid: max-attempts ≥ 1, multiplier ≥ 1, 0 ≤ jitter < 1"
              + " and attempt-timeout-ms ≥ 0 are required ("
              + RetrySettings.MAX_ATTEMPTS.key(channel.channel()).replace(".max-attempts", ".*")
              + ")");
    }
    if (maxAge > 0 && policy.worstCase().toMillis() >= maxAge * 0.8) {
      throw new IllegalStateException(
          "Retries of channel '"
              + channel.channel()
              + "' may hold a record "
              + policy.worstCase().toMillis()
              + " ms, too close to "
              + maxAgeKey
              + "="
              + maxAge
              + ": lower "
              + RetrySettings.MAX_ATTEMPTS.key(channel.channel())
              + ", attempt-timeout-ms or max-backoff-ms, or raise "
              + maxAgeKey);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Class<? extends Throwable>> retryable() {
    String key = RetrySettings.RETRYABLE_EXCEPTIONS.key();
    List<Class<? extends Throwable>> types = new ArrayList<>();
    for (String name : settings.retryableExceptions()) {
      try {
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (!Throwable.class.isAssignableFrom(type)) {
          throw new IllegalStateException(name + " in " + key + " is not a Throwable");
        }
        types.add((Class<? extends Throwable>) type);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Unknown class " + name + " in " + key, e);
      }
    }
    return List.copyOf(types);
  }
}
