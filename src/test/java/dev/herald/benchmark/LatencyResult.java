package dev.herald.benchmark;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Publish-to-handler latency at one rate, with the handler blocking or not.
 *
 * @param blocking whether the handler ran as blocking
 * @param measured events sent after the warm-up
 * @param recorded measured events the handler saw before the drain time ran out
 * @param publishSeconds how long sending took; more than planned means the publisher fell behind
 * @param drainSeconds time from the last publish until the handler had seen every event
 */
record LatencyResult(
    int rate,
    boolean blocking,
    long measured,
    long recorded,
    long failed,
    double publishSeconds,
    double drainSeconds,
    Histogram histogram) {

  static LatencyResult of(jakarta.json.JsonObject run, boolean blocking) {
    try {
      Histogram histogram =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(Base64.getDecoder().decode(run.getString("histogram"))), 0);
      return new LatencyResult(
          run.getInt("rate"),
          blocking,
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
