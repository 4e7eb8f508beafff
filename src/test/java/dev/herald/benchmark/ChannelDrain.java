package dev.herald.benchmark;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Resumes one of the server's paused channels (Herald's or the bare one) on a backlog, waits until
 * it has taken every record (handled, dead-lettered or refused) or until nothing moved for {@link
 * #STALL} (at most {@link #DRAIN}), then pauses it again, idle. Records not handled count as
 * failed.
 */
final class ChannelDrain {

  private static final Duration STALL = Duration.ofSeconds(30);
  private static final Duration DRAIN = Duration.ofMinutes(10);

  private ChannelDrain() {}

  /**
   * @param path {@code consume/herald} or {@code consume/bare}
   */
  static Runs run(BenchServer server, String path, long backlog, BenchmarkSizes sizes) {
    server.post(
        "%s?backlog=%d&runs=%d&window=%d"
            .formatted(path, backlog, sizes.runs(), sizes.consumeWindow()),
        null);
    JsonObject[] progress = {server.get(path)};
    long[] done = {0};
    long[] movedAt = {System.nanoTime()};
    try {
      await(path + ": backlog of " + backlog + " taken")
          .atMost(DRAIN)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                progress[0] = server.get(path);
                long now =
                    number(progress[0], "handled")
                        + number(progress[0], "deadLettered")
                        + number(progress[0], "failed");
                if (now != done[0]) {
                  done[0] = now;
                  movedAt[0] = System.nanoTime();
                }
                return done[0] >= backlog || System.nanoTime() - movedAt[0] >= STALL.toNanos();
              });
    } catch (ConditionTimeoutException e) {
      // still moving after DRAIN: the records not handled by then count as failed
    }
    server.post(path + "/pause", null);
    progress[0] = server.get(path);
    return Runs.of(
        progress[0].getJsonArray("runs"),
        backlog - Math.min(backlog, number(progress[0], "handled")));
  }

  private static long number(JsonObject json, String name) {
    return json.getJsonNumber(name).longValue();
  }
}
