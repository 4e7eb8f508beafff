package dev.herald.stream;

/** Told what streams do; the metrics implement it. */
public interface StreamMonitor {

  /** A stream opened. */
  default void opened() {}

  /** A stream wrote {@code events} events to its client's connection. */
  default void streamed(int events) {}

  /** The server dropped a stream's client, for {@code why}: slow, or an error reading. */
  default void dropped(StreamEnd why) {}
}
