package dev.herald.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * What the channel states' topic says, applied to this server's channels. Per channel the newest
 * record wins: one with a higher offset than the last one known (a record on another partition,
 * after the topic got more partitions, counts as newer). Records read before the topic was read to
 * its end are only noted, and applied together at {@link #loaded}, so that an old resume followed
 * by a newer pause never lets a channel run in between; later ones are applied as they come. This
 * server's own writes are applied at once, with the offset the broker gave them, so a record of
 * another server read afterwards wins only if it is newer.
 *
 * <p>At {@link #loaded}, a channel the topic says nothing about runs, unless its own configuration
 * starts it paused ({@code startPaused}): then it stays paused until a resume is recorded after the
 * start.
 */
final class ChannelStates {

  /** This server's channels, as far as pausing goes. */
  interface Switches {
    List<String> names();

    boolean pausable(String channel);

    boolean isPaused(String channel);

    /** Pauses; false when it was paused already. */
    boolean pause(String channel);

    /** Resumes; false when it was running already. */
    boolean resume(String channel);
  }

  private record Known(PauseState state, int partition, long offset) {}

  private static final Logger LOG = Logger.getLogger(ChannelStates.class.getName());

  private final Switches channels;
  private final Set<String> startPaused;
  private final String topic;
  private final Map<String, Known> newest = new HashMap<>();
  private boolean loaded;

  ChannelStates(Switches channels, Set<String> startPaused, String topic) {
    this.channels = channels;
    this.startPaused = Set.copyOf(startPaused);
    this.topic = topic;
  }

  /**
   * A record read from the topic (this server's own ones too). Skipped with a warning when its key
   * is no channel of this server or its value is not a channel's state; a tombstone counts as a
   * resume.
   */
  synchronized void followed(String channel, byte[] value, int partition, long offset) {
    String where = topic + "-" + partition + "@" + offset;
    if (channel == null || !channels.names().contains(channel)) {
      LOG.warning(
          "Ignored the record "
              + where
              + ": "
              + (channel == null ? "it has no key" : "this server has no channel '" + channel + "'")
              + "; the key must be one of "
              + channels.names());
      return;
    }
    PauseState state;
    try {
      state = value == null ? new PauseState(false, null, null) : PauseState.fromJson(value);
    } catch (IllegalArgumentException e) {
      LOG.warning(
          "Ignored the record "
              + where
              + " of channel '"
              + channel
              + "': "
              + e.getMessage()
              + "; a channel's state is {\"paused\":true|false,\"at\":\"<instant>\",\"by\":\"<user>\"}");
      return;
    }
    if (note(channel, state, partition, offset) && loaded) {
      apply(channel, state);
    }
  }

  /** This server's own record, stored by the broker at {@code offset}: applied at once. */
  synchronized void written(String channel, PauseState state, int partition, long offset) {
    if (note(channel, state, partition, offset)) {
      apply(channel, state);
    }
  }

  /** The topic was read to its end once: every channel takes the state the topic gives it. */
  synchronized void loaded() {
    if (loaded) {
      return;
    }
    loaded = true;
    Set<String> paused = new TreeSet<>();
    for (String channel : channels.names()) {
      if (!channels.pausable(channel)) {
        continue; // its own configuration made it not pausable: it ran from the start
      }
      Known known = newest.get(channel);
      if (known != null && known.state().paused()) {
        channels.pause(channel);
      } else if (!startPaused.contains(channel)) {
        channels.resume(channel);
      } // else its own configuration started it paused, and only a resume since the start counts
      if (channels.isPaused(channel)) {
        paused.add(channel);
      }
    }
    LOG.info(
        "Channel states read from "
            + topic
            + ": "
            + (paused.isEmpty() ? "every channel runs" : "paused " + paused + ", the others run"));
  }

  synchronized boolean isLoaded() {
    return loaded;
  }

  /** Remembers the record if it is newer than the channel's last one. */
  private boolean note(String channel, PauseState state, int partition, long offset) {
    Known old = newest.get(channel);
    if (old != null && old.partition() == partition && old.offset() >= offset) {
      return false;
    }
    newest.put(channel, new Known(state, partition, offset));
    return true;
  }

  private void apply(String channel, PauseState state) {
    try {
      if (state.paused() && channels.pause(channel)) {
        LOG.info(
            "Channel '"
                + channel
                + "' paused "
                + state.origin()
                + ": it handles nothing until it is resumed");
      } else if (!state.paused() && channels.resume(channel)) {
        LOG.info("Channel '" + channel + "' resumed " + state.origin());
      }
    } catch (IllegalStateException e) {
      LOG.warning("Channel state of " + topic + " not applied: " + e.getMessage());
    }
  }
}
