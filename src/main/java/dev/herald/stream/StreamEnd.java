package dev.herald.stream;

import java.util.Locale;

/** Why a stream ended. */
public enum StreamEnd {
  /** The client closed its connection (a write failed). */
  CLIENT_GONE(false),
  /** The client did not take what it was sent within the send timeout: dropped. */
  SLOW(true),
  /** Reading the topics failed: dropped, the client may reconnect with its last id. */
  ERROR(true),
  /** The server or application is stopping. */
  STOPPED(false);

  private final boolean dropped;

  StreamEnd(boolean dropped) {
    this.dropped = dropped;
  }

  /** Whether the server ended the stream while the client still wanted it. */
  public boolean dropped() {
    return dropped;
  }

  /** The name as metrics tag it: {@code slow}, {@code error}, … */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
