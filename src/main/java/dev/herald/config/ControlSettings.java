package dev.herald.config;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Channel control: the compacted topic that keeps whether each channel is paused, shared by every
 * server, and the channels a user's own configuration starts paused.
 *
 * @param topic the channel states' topic, with {@code herald.topics.prefix}
 * @param startPaused channels whose own {@code
 *     mp.messaging.incoming.<channel>.pausable.initially-paused} is true: they start paused on this
 *     server whatever the topic says, until a resume is recorded after the start
 */
public record ControlSettings(String topic, Set<String> startPaused) {

  public static final Setting TOPIC =
      new Setting(
          "herald.control.topic",
          "herald-channel-states",
          "compacted topic (after herald.topics.prefix) that holds whether each channel is paused,"
              + " shared by every server; created when missing");

  /** SmallRye's key, and the older one it still reads, under a channel's block. */
  private static final String INITIALLY_PAUSED = "pausable.initially-paused";

  private static final String INITIALLY_PAUSED_OLD = "initially-paused";

  public ControlSettings {
    startPaused = Set.copyOf(startPaused);
  }

  public static ControlSettings from(Settings settings, Collection<String> channels) {
    Config config = settings.config();
    Set<String> startPaused = new TreeSet<>();
    for (String channel : channels) {
      String block = "mp.messaging.incoming." + channel + ".";
      Optional<Boolean> own =
          config
              .getOptionalValue(block + INITIALLY_PAUSED, Boolean.class)
              .or(() -> config.getOptionalValue(block + INITIALLY_PAUSED_OLD, Boolean.class));
      if (own.orElse(false)) {
        startPaused.add(channel);
      }
    }
    String prefix = settings.raw(EventChannels.TOPICS_PREFIX).orElse("");
    return new ControlSettings(prefix + settings.text(TOPIC), startPaused);
  }
}
