package dev.herald.benchmark;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency at one rate: publish to handler through Herald, with the handler blocking or
 * not, or send to poll with the plain clients.
 *
 * @param receiver what received the events and recorded their latency
 * @param measured events sent after the warm-up
 * @param recorded measured events the handler (or plain consumer) saw before the drain time ran out
 * @param publishSeconds how long sending took; more than planned means the publisher fell behind
 * @param drainSeconds time from the last publish until the handler had seen every event
 */
record LatencyResult(
    int rate,
    Receiver receiver,
    long measured,
    long recorded,
    long failed,
    double publishSeconds,
    double drainSeconds,
    Histogram histogram) {

  /**
   * What receives the events and records their latency: Herald's handler or the plain consumer, in
   * the order the benchmark runs them.
   */
  enum Receiver {
    NON_BLOCKING("non-blocking", "non-blocking handler"),
    BLOCKING("blocking", "blocking handler"),
    PLAIN("plain", "plain clients");

    /** In file names and event ids. */
    final String id;

    /** In phase names and tables. */
    final String description;

    Receiver(String id, String description) {
      this.id = id;
      this.description = description;
    }

    /** Herald's handler, blocking or not. */
    static Receiver handler(boolean blocking) {
      return blocking ? BLOCKING : NON_BLOCKING;
    }
  }

  static LatencyResult of(jakarta.json.JsonObject run, Receiver receiver) {
    try {
      Histogram histogram =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(Base64.getDecoder().decode(run.getString("histogram"))), 0);
      return new LatencyResult(
          run.getInt("rate"),
          receiver,
          run.getJsonNumber("measured").longValue(),
          run.getJsonNumber("recorded").longValue(),
          run.getJsonNumber("failed").longValue(),
          run.getJsonNumber("publishNanos").longValue() / 1e9,
          run.getJsonNumber("drainNanos").longValue() / 1e9,
          histogram);
    } catch (DataFormatException e) {
      throw new IllegalStateException("latency histogram of rate " + run.getInt("rate"), e);
    }
  }

  /** A percentile (0-100) in milliseconds. */
  double millis(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  double maxMillis() {
    return histogram.getMaxValue() / 1e6;
  }

  /** Whether every measured event was published and reached the handler. */
  boolean complete() {
    return failed == 0 && recorded == measured;
  }
}
