package dev.herald.config;

/**
 * Replays of a type's topic to its handlers ({@code POST /api/replays}): how many run at once and
 * how fast each hands events to its handlers.
 *
 * @param maxRunning replays running at once; one more is refused until one ends
 * @param rate events per second each replay hands to its handlers; 0 for no limit
 */
public record ReplaySettings(int maxRunning, int rate) {

  public static final Setting MAX_RUNNING =
      new Setting(
          "herald.replay.max-running",
          "2",
          "replays running at once (each reads with a consumer of its own on a managed thread);"
              + " one more is refused with 429");
  public static final Setting RATE =
      new Setting(
          "herald.replay.rate",
          "0",
          "events per second each replay hands to its handlers; 0 for no limit");

  public ReplaySettings {
    if (maxRunning < 1) {
      throw new IllegalStateException(
          MAX_RUNNING.key() + " is " + maxRunning + ": at least 1 replay must be able to run");
    }
    if (rate < 0) {
      throw new IllegalStateException(
          RATE.key() + " is " + rate + ": give events per second, or 0 for no limit");
    }
  }

  public static ReplaySettings from(Settings settings) {
    return new ReplaySettings(settings.intValue(MAX_RUNNING), settings.intValue(RATE));
  }

  /** The defaults, as a server without configuration has them. */
  public static ReplaySettings defaults() {
    return new ReplaySettings(2, 0);
  }
}
