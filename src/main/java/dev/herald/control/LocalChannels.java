package dev.herald.control;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import java.util.Collection;
import java.util.List;

/**
 * The pause switches of this server's channels (SmallRye's {@link PausableChannel}s): a pause stops
 * the channel's demand, and SmallRye's Kafka source then pauses its partitions.
 */
class LocalChannels implements ChannelStates.Switches {

  private final ChannelRegistry registry;
  private final List<String> names;

  LocalChannels(ChannelRegistry registry, Collection<String> names) {
    this.registry = registry;
    this.names = List.copyOf(names);
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public boolean pausable(String channel) {
    return registry.getPausable(channel) != null;
  }

  @Override
  public boolean isPaused(String channel) {
    PausableChannel pausable = registry.getPausable(channel);
    return pausable != null && pausable.isPaused();
  }

  @Override
  public boolean pause(String channel) {
    PausableChannel pausable = require(channel);
    if (pausable.isPaused()) {
      return false;
    }
    pausable.pause();
    return true;
  }

  @Override
  public boolean resume(String channel) {
    PausableChannel pausable = require(channel);
    if (!pausable.isPaused()) {
      return false;
    }
    pausable.resume();
    return true;
  }

  /**
   * @throws IllegalStateException when the channel cannot be paused, naming the key to set
   */
  PausableChannel require(String channel) {
    PausableChannel pausable = registry.getPausable(channel);
    if (pausable == null) {
      throw new IllegalStateException(
          "Channel '"
              + channel
              + "' cannot be paused: set mp.messaging.incoming."
              + channel
              + ".pausable=true (Herald's configuration sets it for every channel)");
    }
    return pausable;
  }
}
