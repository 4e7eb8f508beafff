package dev.herald.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The event types Herald carries ({@code herald.event-types}, then those each {@code
 * herald.event-types.<name>} adds) and, for each, its channel, topic, dead-letter topic and group,
 * as configured under {@code mp.messaging.incoming.<channel>}.
 */
@ApplicationScoped
public class EventChannels {

  public static final Setting EVENT_TYPES =
      new Setting(
          "herald.event-types",
          null,
          "types Herald carries; each needs its mp.messaging.incoming.<channel>.* block and its"
              + " schemas/<type>/v1.json");
  public static final Setting TOPICS_PREFIX =
      new Setting(
          "herald.topics.prefix",
          null,
          "prefix of every topic (microprofile-config.properties puts it before each topic name),"
              + " e.g. staging.");
  public static final Setting PARTITION_KEY =
      new Setting(
          "herald.partition-key.<type>",
          "tenantid",
          "the attribute whose value is the record key (an event's partitionkey extension wins)");
  public static final Setting ADDED_TYPES =
      new Setting(
          "herald.event-types.<name>",
          null,
          "more types, e.g. a service's own beside Herald's, without repeating Herald's list; each"
              + " key adds its types, in the order of the names");

  @Inject Config config;

  private Map<String, EventChannel> byType;
  private Map<String, EventChannel> byChannel;

  @PostConstruct
  void load() {
    Map<String, EventChannel> types = new LinkedHashMap<>();
    Map<String, EventChannel> channels = new LinkedHashMap<>();
    Settings settings = new Settings(config);
    for (String type :
        listedTypes(
            settings.list(EVENT_TYPES),
            config.getPropertyNames(),
            key -> config.getOptionalValues(key, String.class).orElse(List.of()))) {
      EventChannel channel = channelOf(type, settings);
      types.put(type, channel);
      channels.put(channel.channel(), channel);
    }
    if (types.isEmpty()) {
      throw new IllegalStateException(
          "No event types: list them in " + EVENT_TYPES.key() + ", e.g. chat.message.received");
    }
    byType = types;
    byChannel = channels;
  }

  /**
   * Herald's types ({@code herald.event-types}), then those of every {@code
   * herald.event-types.<name>} in the order of the names; each type once.
   */
  static List<String> listedTypes(
      List<String> heraldTypes,
      Iterable<String> propertyNames,
      Function<String, List<String>> values) {
    Set<String> types = new LinkedHashSet<>(heraldTypes);
    List<String> added = new ArrayList<>();
    String prefix = EVENT_TYPES.key() + ".";
    propertyNames.forEach(
        name -> {
          if (name.startsWith(prefix) && name.length() > prefix.length()) {
            added.add(name);
          }
        });
    added.stream().sorted().distinct().forEach(key -> types.addAll(values.apply(key)));
    return types.stream().map(String::strip).filter(type -> !type.isEmpty()).distinct().toList();
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

  private EventChannel channelOf(String type, Settings settings) {
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
                            + EVENT_TYPES.key()
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
    String keyAttribute = settings.raw(PARTITION_KEY, type).orElseThrow();
    return new EventChannel(type, channel, topic, deadLetterTopic, groupId, keyAttribute);
  }
}
