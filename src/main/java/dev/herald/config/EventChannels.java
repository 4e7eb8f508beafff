package dev.herald.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The event types Herald carries ({@code herald.event-types}) and, for each, its channel, topic,
 * dead-letter topic and group, as configured under {@code mp.messaging.incoming.<channel>}.
 */
@ApplicationScoped
public class EventChannels {

  static final String TYPES_KEY = "herald.event-types";
  static final String DEFAULT_KEY_ATTRIBUTE = "tenantid";

  @Inject Config config;

  private Map<String, EventChannel> byType;
  private Map<String, EventChannel> byChannel;

  @PostConstruct
  void load() {
    Map<String, EventChannel> types = new LinkedHashMap<>();
    Map<String, EventChannel> channels = new LinkedHashMap<>();
    for (String type : config.getValues(TYPES_KEY, String.class)) {
      EventChannel channel = channelOf(type);
      types.put(type, channel);
      channels.put(channel.channel(), channel);
    }
    byType = types;
    byChannel = channels;
  }

  /**
   * The channel name of an event type: {@code chat.message.received} → {@code
   * chat-message-received}.
   */
  public static String channelName(String type) {
    return type.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
  }

  public Optional<EventChannel> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public Optional<EventChannel> forChannel(String channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }

  /** The event types Herald carries, in configuration order. */
  public Collection<String> types() {
    return byType.keySet();
  }

  public Collection<EventChannel> all() {
    return byType.values();
  }

  private EventChannel channelOf(String type) {
    String channel = channelName(type);
    String prefix = "mp.messaging.incoming." + channel + ".";
    String topic =
        config
            .getOptionalValue(prefix + "topic", String.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Event type '"
                            + type
                            + "' is listed in "
                            + TYPES_KEY
                            + " but its channel has no topic: set "
                            + prefix
                            + "topic"));
    String deadLetterTopic =
        config
            .getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
            .orElse("dead-letter-topic-" + channel);
    String groupId =
        config
            .getOptionalValue(prefix + "group.id", String.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Channel '"
                            + channel
                            + "' has no consumer group: set "
                            + prefix
                            + "group.id so that restarts resume where they stopped"));
    String keyAttribute =
        config
            .getOptionalValue("herald.partition-key." + type, String.class)
            .orElse(DEFAULT_KEY_ATTRIBUTE);
    return new EventChannel(type, channel, topic, deadLetterTopic, groupId, keyAttribute);
  }
}
