package dev.herald.reliability;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Each channel's {@link RetryPolicy}, from {@code herald.retry.<channel>.<key>}, else {@code
 * herald.retry.<key>}, else the default. Keys: {@code max-attempts} (3), {@code initial-backoff-ms}
 * (200), {@code multiplier} (2), {@code max-backoff-ms} (5000), {@code jitter} (0.2), {@code
 * attempt-timeout-ms} (10000; 0 for none); {@code herald.retry.retryable-exceptions} lists the
 * transient exception classes.
 *
 * <p>In-place retries hold the partition: a policy whose worst case reaches 80% of the channel's
 * {@code throttled.unprocessed-record-max-age.ms} (60 s by default) would mark the channel
 * unhealthy, so it stops the application instead.
 */
@ApplicationScoped
public class RetryPolicies {

  public static final String PREFIX = "herald.retry.";
  static final String DEFAULT_RETRYABLE =
      "dev.herald.api.TransientHandlerException,java.util.concurrent.TimeoutException,"
          + "java.io.IOException,org.apache.kafka.common.errors.RetriableException";

  @Inject Config config;
  @Inject EventChannels channels;

  private final Map<String, RetryPolicy> byChannel = new HashMap<>();

  @PostConstruct
  void load() {
    List<Class<? extends Throwable>> retryable = retryable();
    for (EventChannel channel : channels.all()) {
      RetryPolicy policy =
          new RetryPolicy(
              intValue(channel, "max-attempts", 3),
              Duration.ofMillis(longValue(channel, "initial-backoff-ms", 200)),
              doubleValue(channel, "multiplier", 2.0),
              Duration.ofMillis(longValue(channel, "max-backoff-ms", 5000)),
              doubleValue(channel, "jitter", 0.2),
              retryable,
              Duration.ofMillis(longValue(channel, "attempt-timeout-ms", 10_000)));
      check(channel, policy);
      byChannel.put(channel.channel(), policy);
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
    String maxAgeKey =
        "mp.messaging.incoming." + channel.channel() + ".throttled.unprocessed-record-max-age.ms";
    long maxAge = config.getOptionalValue(maxAgeKey, Long.class).orElse(60_000L);
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
              + PREFIX
              + channel.channel()
              + ".*)");
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
              + PREFIX
              + channel.channel()
              + ".max-attempts, attempt-timeout-ms or max-backoff-ms, or raise "
              + maxAgeKey);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Class<? extends Throwable>> retryable() {
    String names =
        config
            .getOptionalValue(PREFIX + "retryable-exceptions", String.class)
            .orElse(DEFAULT_RETRYABLE);
    List<Class<? extends Throwable>> types = new ArrayList<>();
    for (String name : names.split(",")) {
      try {
        Class<?> type = Class.forName(name.trim(), false, getClass().getClassLoader());
        if (!Throwable.class.isAssignableFrom(type)) {
          throw new IllegalStateException(
              name + " in " + PREFIX + "retryable-exceptions is not a Throwable");
        }
        types.add((Class<? extends Throwable>) type);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            "Unknown class " + name.trim() + " in " + PREFIX + "retryable-exceptions", e);
      }
    }
    return List.copyOf(types);
  }

  private String raw(EventChannel channel, String key) {
    return config
        .getOptionalValue(PREFIX + channel.channel() + "." + key, String.class)
        .or(() -> config.getOptionalValue(PREFIX + key, String.class))
        .orElse(null);
  }

  private int intValue(EventChannel channel, String key, int fallback) {
    String value = raw(channel, key);
    return value == null ? fallback : Integer.parseInt(value.trim());
  }

  private long longValue(EventChannel channel, String key, long fallback) {
    String value = raw(channel, key);
    return value == null ? fallback : Long.parseLong(value.trim());
  }

  private double doubleValue(EventChannel channel, String key, double fallback) {
    String value = raw(channel, key);
    return value == null ? fallback : Double.parseDouble(value.trim());
  }
}
