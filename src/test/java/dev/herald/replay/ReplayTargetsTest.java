package dev.herald.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTargetsTest {

  private static final List<EventHandler> ENABLED =
      List.of(handler("audit", true), handler("payments", false), handler("analytics", true));

  @Test
  void noNameChoosesEveryHandlerThatTakesReplays() {
    assertThat(ReplayTargets.choose(ENABLED, List.of())).containsExactly("audit", "analytics");
  }

  @Test
  void namedHandlersAreChosenInTheOrderGiven() {
    assertThat(ReplayTargets.choose(ENABLED, List.of("analytics", "audit")))
        .containsExactly("analytics", "audit");
  }

  @Test
  void anUnknownHandlerIsNotFoundAndTheKnownOnesAreListed() {
    assertThatThrownBy(() -> ReplayTargets.choose(ENABLED, List.of("audit", "ledger")))
        .isInstanceOfSatisfying(
            ReplayRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReplayRefusedException.Reason.NOT_FOUND))
        .hasMessageContaining("No handler named 'ledger'")
        .hasMessageContaining("handlers: audit, payments, analytics");
  }

  @Test
  void aNamedHandlerThatOptedOutIsRefused() {
    assertThatThrownBy(() -> ReplayTargets.choose(ENABLED, List.of("payments")))
        .isInstanceOfSatisfying(
            ReplayRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReplayRefusedException.Reason.INVALID))
        .hasMessageContaining("Handler 'payments' does not take replayed events");
  }

  private static EventHandler handler(String name, boolean replayable) {
    return new EventHandler() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean accepts(CloudEvent event) {
        return true;
      }

      @Override
      public void handle(CloudEvent event) {}

      @Override
      public boolean replayable() {
        return replayable;
      }
    };
  }
}
