package dev.herald.control;

import java.util.Locale;

/** What a channel is doing. */
public enum ChannelState {
  /** Consuming and handling. */
  RUNNING,
  /** Paused by an operator: it handles nothing and its lag grows until it is resumed. */
  PAUSED,
  /** Stopped by a failure SmallRye reported (a stuck record, a consumer that gave up). */
  FAILED;

  /** The name REST and readiness show: {@code running}, {@code paused}, {@code failed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
