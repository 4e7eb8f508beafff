package dev.herald.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Offsets} of every channel: routing settles records in them, the channel's commit
 * strategy commits from them.
 */
@ApplicationScoped
public class ChannelOffsets {

  private final Map<String, Offsets> channels = new ConcurrentHashMap<>();

  public Offsets forChannel(String channel) {
    return channels.computeIfAbsent(channel, name -> new Offsets());
  }
}
