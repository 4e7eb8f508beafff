package dev.herald.benchmark;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Consume throughput on the backlog the publish scenarios left: a plain {@code KafkaConsumer} loop
 * that parses each value, then Herald's channel (decode, validation, {@code EventManager}, the
 * no-op handler, ack), resumed after being paused since the start. Both time the same records,
 * after the same warm-up.
 */
final class ConsumeScenario {

  private static final Duration STALL = Duration.ofSeconds(30);
  private static final Duration DRAIN = Duration.ofMinutes(10);

  private final BenchServer server;
  private final BenchmarkSizes sizes;

  ConsumeScenario(BenchServer server, BenchmarkSizes sizes) {
    this.server = server;
    this.sizes = sizes;
  }

  Comparison run() throws InterruptedException {
    Throughput plain = Throughput.of(server.post("consume/plain?warmup=" + sizes.warmup(), null));
    return new Comparison(herald(), plain);
  }

  /**
   * Waits until every record of the backlog was handled or dead-lettered, or until nothing moved
   * for {@link #STALL} (at most {@link #DRAIN}); records not handled count as failed.
   */
  private Throughput herald() throws InterruptedException {
    long backlog =
        server
            .post("consume/herald?warmup=" + sizes.warmup(), null)
            .getJsonNumber("backlog")
            .longValue();
    JsonObject[] progress = {server.get("consume/herald")};
    long[] done = {0};
    long[] movedAt = {System.nanoTime()};
    try {
      await("backlog of " + backlog + " handled")
          .atMost(DRAIN)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                progress[0] = server.get("consume/herald");
                long now = number(progress[0], "handled") + number(progress[0], "deadLettered");
                if (now != done[0]) {
                  done[0] = now;
                  movedAt[0] = System.nanoTime();
                }
                return done[0] >= backlog || System.nanoTime() - movedAt[0] >= STALL.toNanos();
              });
    } catch (ConditionTimeoutException e) {
      // still moving after DRAIN: the records not handled by then count as failed
    }
    long handled = number(progress[0], "handled");
    long nanos = number(progress[0], "lastAt") - number(progress[0], "warmAt");
    return new Throughput(handled - sizes.warmup(), nanos / 1e9, backlog - handled);
  }

  private static long number(JsonObject json, String name) {
    return json.getJsonNumber(name).longValue();
  }
}
