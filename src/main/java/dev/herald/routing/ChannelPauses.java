package dev.herald.routing;

/**
 * Which channels an operator paused, for the parts of the core that deliver a channel's events
 * outside its SmallRye stream (the retry topics): a paused channel handles nothing.
 */
public interface ChannelPauses {

  boolean isPaused(String channel);
}
