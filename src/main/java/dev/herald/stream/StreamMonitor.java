package dev.herald.stream;

/** Told what streams do; the metrics implement it. */
public interface StreamMonitor {

  /** A stream opened. */
  default void opened() {}

  /** A stream wrote {@code events} events to its client's connection. */
  default void streamed(int events) {}

  /** A stream ended, for {@code why}. */
  default void ended(StreamEnd why) {}
}
