package dev.herald.control;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.routing.ChannelPauses;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Pauses and resumes Herald's channels and says what state each is in. A pause stops the channel's
 * demand: SmallRye's Kafka source then pauses its partitions (the consumer stays in its group, so
 * no rebalance), nothing is handled or committed, and the lag grows until {@link #resume}. Due
 * records of its retry topics wait too.
 *
 * <p>A pause lasts as long as the server: a restarted server consumes again, unless the channel is
 * configured to start paused ({@code mp.messaging.incoming.<channel>.pausable.initially-paused}).
 */
@ApplicationScoped
public class ChannelControl implements ChannelPauses {

  private static final Logger LOG = Logger.getLogger(ChannelControl.class.getName());

  @Inject ChannelRegistry registry;
  @Inject HealthCenter health;
  @Inject EventChannels channels;

  /** Herald's channels, in configuration order. */
  public Collection<EventChannel> channels() {
    return channels.all();
  }

  public Optional<EventChannel> channel(String name) {
    return channels.forChannel(name);
  }

  /** Failed when SmallRye reported the channel not alive, else paused or running. */
  public ChannelState state(String channel) {
    if (failure(channel).isPresent()) {
      return ChannelState.FAILED;
    }
    return isPaused(channel) ? ChannelState.PAUSED : ChannelState.RUNNING;
  }

  /** Whether an operator paused the channel (cheap: no health report is built). */
  @Override
  public boolean isPaused(String channel) {
    PausableChannel pausable = registry.getPausable(channel);
    return pausable != null && pausable.isPaused();
  }

  /** The failure SmallRye reported for the channel, if it is not alive. */
  public Optional<String> failure(String channel) {
    for (HealthReport.ChannelInfo info : health.getLiveness().getChannels()) {
      if (channel.equals(info.getChannel()) && !info.isOk()) {
        return Optional.of(info.getMessage() == null ? "not alive" : info.getMessage());
      }
    }
    return Optional.empty();
  }

  /** The channels paused now. */
  public Set<String> paused() {
    Set<String> paused = new TreeSet<>();
    for (EventChannel channel : channels.all()) {
      if (isPaused(channel.channel())) {
        paused.add(channel.channel());
      }
    }
    return paused;
  }

  /**
   * Stops handling the channel's events; pausing a paused channel changes nothing.
   *
   * @return whether the channel was running before
   */
  public boolean pause(String channel) {
    PausableChannel pausable = pausable(channel);
    if (pausable.isPaused()) {
      return false;
    }
    pausable.pause();
    LOG.info("Channel '" + channel + "' paused: it handles nothing until it is resumed");
    return true;
  }

  /**
   * Handles the channel's events again, from where it stopped.
   *
   * @return whether the channel was paused before
   */
  public boolean resume(String channel) {
    PausableChannel pausable = pausable(channel);
    if (!pausable.isPaused()) {
      return false;
    }
    pausable.resume();
    LOG.info("Channel '" + channel + "' resumed");
    return true;
  }

  private PausableChannel pausable(String channel) {
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
