package dev.herald.control;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.routing.ChannelPauses;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pauses and resumes Herald's channels on every server and says what state each is in here. A pause
 * stops the channel's demand: SmallRye's Kafka source then pauses its partitions (the consumer
 * stays in its group, so no rebalance), nothing is handled or committed, and the lag grows until
 * {@link #resume}. Due records of its retry topics wait too.
 *
 * <p>A pause or resume is a record in the channel states' topic ({@link ChannelStatesTopic}), which
 * every server follows, so it holds on every server and across restarts.
 */
@ApplicationScoped
public class ChannelControl implements ChannelPauses {

  @Inject ChannelRegistry registry;
  @Inject HealthCenter health;
  @Inject EventChannels channels;
  @Inject ChannelStatesTopic states;

  private LocalChannels local;

  @PostConstruct
  void init() {
    local =
        new LocalChannels(registry, channels.all().stream().map(EventChannel::channel).toList());
  }

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

  /**
   * Whether the channel is paused on this server (cheap: no health report is built): by an
   * operator, or because the channel states' topic was not read yet.
   */
  @Override
  public boolean isPaused(String channel) {
    return local.isPaused(channel);
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
   * Why every channel still waits for its state from the channel states' topic; empty once it was
   * read.
   */
  public Optional<String> waitingForStates() {
    return states.waiting();
  }

  /**
   * Stops handling the channel's events on every server; pausing a paused channel changes nothing.
   *
   * @param by the user who pauses it
   * @return whether the channel was running here before
   * @throws ChannelStatesUnavailableException when the broker did not store the pause
   */
  public boolean pause(String channel, String by) {
    return change(channel, true, by);
  }

  /**
   * Handles the channel's events again on every server, from where it stopped.
   *
   * @param by the user who resumes it
   * @return whether the channel was paused here before
   * @throws ChannelStatesUnavailableException when the broker did not store the resume
   */
  public boolean resume(String channel, String by) {
    return change(channel, false, by);
  }

  private boolean change(String channel, boolean pause, String by) {
    local.require(channel);
    boolean before = local.isPaused(channel);
    states.write(channel, new PauseState(pause, Instant.now(), by));
    return before != pause;
  }
}
