package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The publish timers: registered once per type, both outcomes at once, then only updated; a
 * handler's totals with its last error.
 */
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

  @Test
  void aHandlersTotalsKeepItsLatestErrorShortened() {
    metrics.handled("audit", true, Duration.ofMillis(2));
    assertThat(metrics.handlerTotals().get("audit").lastError()).isNull();

    metrics.handled("audit", false, Duration.ofMillis(4));
    metrics.handlerFailed("audit", "evt-1", "java.lang.IllegalStateException: first");
    metrics.handled("audit", false, Duration.ofMillis(6));
    metrics.handlerFailed("audit", "evt-2", "x".repeat(600));

    HeraldMetrics.HandlerTotals totals = metrics.handlerTotals().get("audit");
    assertThat(totals.successes()).isEqualTo(1);
    assertThat(totals.failures()).isEqualTo(2);
    assertThat(totals.lastError().eventId()).isEqualTo("evt-2");
    assertThat(totals.lastError().error()).hasSize(501).endsWith("x…");
    assertThat(totals.lastError().at()).isNotNull();
  }

  private static String timer(String type, String outcome) {
    return "herald.publish.duration{type=" + type + ",outcome=" + outcome + "}";
  }
}
