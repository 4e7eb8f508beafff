package dev.herald.benchmark.server;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/** The pause switch of a channel the benchmark's configuration made pausable. */
final class Channels {

  private Channels() {}

  static PausableChannel pausable(ChannelRegistry registry, String channel) {
    PausableChannel pausable = registry.getPausable(channel);
    if (pausable == null) {
      throw new IllegalStateException(
          "Channel "
              + channel
              + " is not pausable: the benchmark deployment's configuration sets"
              + " mp.messaging.incoming."
              + channel
              + ".pausable=true; a channel with a concurrency setting cannot be paused");
    }
    return pausable;
  }
}
