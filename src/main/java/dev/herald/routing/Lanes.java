package dev.herald.routing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one channel's records concurrently across keys and one after the other within a key, at most
 * {@code maxInFlight} at a time. {@link #submit} is called by the channel, one record at a time; it
 * returns at once while there is room, so that the channel hands over the next record, and
 * otherwise when a record finishes (backpressure).
 */
final class Lanes {

  private static final Logger LOG = Logger.getLogger(Lanes.class.getName());

  private final String channel;
  private final int maxInFlight;
  private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile CompletableFuture<Void> room;

  Lanes(String channel, int maxInFlight) {
    this.channel = channel;
    this.maxInFlight = maxInFlight;
  }

  /** Runs {@code work} once the previous record of the same key finished. */
  CompletionStage<Void> submit(Object key, Supplier<CompletionStage<Void>> work) {
    inFlight.incrementAndGet();
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<Void> previous = tails.put(key, done);
    CompletionStage<Void> turn =
        previous == null ? CompletableFuture.completedFuture(null) : previous;
    turn.thenCompose(ignored -> run(work))
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                LOG.log(
                    Level.WARNING,
                    "Channel '" + channel + "' could not finish a record; it stays uncommitted",
                    error);
              }
              tails.remove(key, done);
              done.complete(null);
              if (inFlight.decrementAndGet() < maxInFlight) {
                CompletableFuture<Void> waiting = room;
                if (waiting != null) {
                  waiting.complete(null);
                }
              }
            });
    if (inFlight.get() < maxInFlight) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> waiting = new CompletableFuture<>();
    room = waiting;
    if (inFlight.get() < maxInFlight) {
      waiting.complete(null);
    }
    return waiting;
  }

  private static CompletionStage<Void> run(Supplier<CompletionStage<Void>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
