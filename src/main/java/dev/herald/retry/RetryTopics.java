package dev.herald.retry;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.RetrySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retry topics of each channel, from {@code herald.retry.<channel>.topic-delays-ms} (else
 * {@code herald.retry.topic-delays-ms}; none by default): for delays {@code 30000,300000} a record
 * whose handlers still fail transiently after the in-place retries goes to {@code
 * <topic>.retry.30s}, then to {@code <topic>.retry.5m}, then to the dead-letter topic.
 */
@ApplicationScoped
public class RetryTopics {

  @Inject RetrySettings settings;
  @Inject EventChannels channels;

  private final Map<String, List<RetryTopic>> byChannel = new HashMap<>();
  private final Map<String, RetryTopic> byTopic = new HashMap<>();

  @PostConstruct
  void load() {
    for (EventChannel channel : channels.all()) {
      String key = RetrySettings.TOPIC_DELAYS_MS.key(channel.channel());
      Optional<String> delays = settings.topicDelaysMs(channel.channel());
      if (delays.isEmpty()) {
        continue;
      }
      List<RetryTopic> stages = new ArrayList<>();
      for (String delay : delays.get().split(",")) {
        Duration wait = parse(key, delay.trim());
        RetryTopic stage =
            new RetryTopic(
                channel.channel(),
                stages.size() + 1,
                channel.topic() + ".retry." + label(wait),
                wait);
        if (byTopic.putIfAbsent(stage.topic(), stage) != null) {
          throw new IllegalStateException(
              key + " names the delay " + label(wait) + " twice: each stage needs its own topic");
        }
        stages.add(stage);
      }
      byChannel.put(channel.channel(), List.copyOf(stages));
    }
  }

  /** The first retry topic of a channel, if it has any. */
  public Optional<RetryTopic> first(String channel) {
    return byChannel.getOrDefault(channel, List.of()).stream().findFirst();
  }

  /** The stage after {@code stage}, if any. */
  public Optional<RetryTopic> next(RetryTopic stage) {
    List<RetryTopic> stages = byChannel.getOrDefault(stage.channel(), List.of());
    return stage.stage() < stages.size()
        ? Optional.of(stages.get(stage.stage()))
        : Optional.empty();
  }

  public Optional<RetryTopic> forTopic(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  public Collection<RetryTopic> all() {
    return byTopic.values();
  }

  /** A delay as topic names show it: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}. */
  static String label(Duration delay) {
    long millis = delay.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  private static Duration parse(String key, String millis) {
    try {
      long value = Long.parseLong(millis);
      if (value > 0) {
        return Duration.ofMillis(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException(
        key
            + " must list positive delays in milliseconds, e.g. 30000,300000; got '"
            + millis
            + "'");
  }
}
