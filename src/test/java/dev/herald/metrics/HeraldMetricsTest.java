package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The publish timers: registered once per type, both outcomes at once, then only updated. */
class HeraldMetricsTest {

  private final RecordingRegistry recorded = new RecordingRegistry();
  private final HeraldMetrics metrics = new HeraldMetrics();

  HeraldMetricsTest() {
    metrics.registry = recorded.registry;
  }

  @Test
  void publishTimesGoToTheTimerOfTheirTypeAndOutcome() {
    metrics.publishEnded("chat.message.received", true, Duration.ofMillis(3));
    metrics.publishEnded("chat.message.received", true, Duration.ofMillis(4));
    metrics.publishEnded("chat.message.received", false, Duration.ofSeconds(30));
    metrics.publishEnded("system.error", true, Duration.ofMillis(5));

    assertThat(recorded.timers)
        .containsOnlyKeys(
            timer("chat.message.received", "success"),
            timer("chat.message.received", "failure"),
            timer("system.error", "success"),
            timer("system.error", "failure"));
    assertThat(recorded.timers.get(timer("chat.message.received", "success")))
        .containsExactly(Duration.ofMillis(3), Duration.ofMillis(4));
    assertThat(recorded.timers.get(timer("chat.message.received", "failure")))
        .containsExactly(Duration.ofSeconds(30));
    assertThat(recorded.timers.get(timer("system.error", "failure"))).isEmpty();
  }

  private static String timer(String type, String outcome) {
    return "herald.publish.duration{type=" + type + ",outcome=" + outcome + "}";
  }
}
