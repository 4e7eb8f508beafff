package dev.herald.config;

import java.time.Duration;

/**
 * The live stream ({@code GET /api/stream}): how often an idle stream sends a heartbeat, how many
 * streams may be open at once (each holds a Kafka consumer, so a broker connection, and a thread),
 * and when a client that does not take what it is sent is dropped.
 *
 * @param heartbeat how long a stream may send nothing before it sends a comment; a client that went
 *     away is noticed on the second write after it left, so within two heartbeats
 * @param maxClients streams open at once on this server; one more is refused with 503
 * @param maxPending events and heartbeats handed to the HTTP connection and not yet written; at the
 *     bound the stream stops reading until the client takes some
 * @param sendTimeout how long a write may stay unwritten before the client is dropped as too slow
 */
public record StreamSettings(
    Duration heartbeat, int maxClients, int maxPending, Duration sendTimeout) {

  public static final Setting HEARTBEAT_MS =
      new Setting(
          "herald.stream.heartbeat-ms",
          "10000",
          "how long a live stream may send nothing before it sends a heartbeat comment; a client"
              + " that went away is released after at most two heartbeats");
  public static final Setting MAX_CLIENTS =
      new Setting(
          "herald.stream.max-clients",
          "50",
          "live streams open at once on this server, each with a Kafka consumer (one broker"
              + " connection) and a thread; one more is refused with 503");
  public static final Setting MAX_PENDING =
      new Setting(
          "herald.stream.max-pending",
          "100",
          "events and heartbeats a live stream has handed to the connection and not yet written;"
              + " at the bound it reads no further until the client takes some");
  public static final Setting SEND_TIMEOUT_MS =
      new Setting(
          "herald.stream.send-timeout-ms",
          "10000",
          "how long a write to a live stream's client may stay unwritten before the client is"
              + " dropped as too slow");

  public StreamSettings {
    positive(HEARTBEAT_MS, heartbeat.toMillis());
    positive(MAX_CLIENTS, maxClients);
    positive(MAX_PENDING, maxPending);
    positive(SEND_TIMEOUT_MS, sendTimeout.toMillis());
  }

  public static StreamSettings from(Settings settings) {
    return new StreamSettings(
        Duration.ofMillis(settings.longValue(HEARTBEAT_MS)),
        settings.intValue(MAX_CLIENTS),
        settings.intValue(MAX_PENDING),
        Duration.ofMillis(settings.longValue(SEND_TIMEOUT_MS)));
  }

  /** The defaults, as a server without configuration has them. */
  public static StreamSettings defaults() {
    return new StreamSettings(Duration.ofSeconds(10), 50, 100, Duration.ofSeconds(10));
  }

  private static void positive(Setting setting, long value) {
    if (value <= 0) {
      throw new IllegalStateException(
          setting.key() + " is " + value + ": give a number above 0 (" + setting.meaning() + ")");
    }
  }
}
