package dev.herald.benchmark;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * Consume throughput on the backlog the publish scenarios left: a plain {@code KafkaConsumer} loop
 * that parses each value, then Herald's channel (decode, validation, {@code EventManager}, the
 * no-op handler, ack), resumed after being paused since the start. Both time the same records,
 * after the same warm-up.
 */
final class ConsumeScenario {

  private static final Duration STALL = Duration.ofSeconds(30);

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
   * for {@link #STALL}; records not handled count as failed.
   */
  private Throughput herald() throws InterruptedException {
    long backlog =
        server
            .post("consume/herald?warmup=" + sizes.warmup(), null)
            .getJsonNumber("backlog")
            .longValue();
    JsonObject progress = server.get("consume/herald");
    long done = 0;
    long movedAt = System.nanoTime();
    while (done < backlog && System.nanoTime() - movedAt < STALL.toNanos()) {
      Thread.sleep(100);
      progress = server.get("consume/herald");
      long now = number(progress, "handled") + number(progress, "deadLettered");
      if (now != done) {
        done = now;
        movedAt = System.nanoTime();
      }
    }
    long handled = number(progress, "handled");
    long nanos = number(progress, "lastAt") - number(progress, "warmAt");
    return new Throughput(handled - sizes.warmup(), nanos / 1e9, backlog - handled);
  }

  private static long number(JsonObject json, String name) {
    return json.getJsonNumber(name).longValue();
  }
}
