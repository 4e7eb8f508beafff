package dev.herald.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.events.CloudEvent;
import dev.herald.events.Json;
import dev.herald.metrics.HeraldMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventManagerTest {

  private final List<String> calls = new ArrayList<>();
  private final List<String> timings = new ArrayList<>();
  private final EventManager manager = new EventManager();

  @BeforeEach
  void setUp() {
    manager.outcomes = new RecentOutcomes();
    manager.outcomes.retained = 10;
    manager.metrics =
        new HeraldMetrics() {
          @Override
          public void handled(String handler, boolean success, Duration duration) {
            timings.add(handler + ":" + success);
          }
        };
  }

  @Test
  void callsEveryAcceptingHandlerAndRecordsAResultEach() {
    manager.useHandlers(List.of(recording("a", true), recording("b", false), recording("c", true)));

    EventOutcome outcome = manager.route("chat-message-received", event("e-1"));

    assertThat(calls).containsExactly("a:e-1", "c:e-1");
    assertThat(outcome.results()).extracting(HandlerResult::handler).containsExactly("a", "c");
    assertThat(outcome.succeeded()).isTrue();
    assertThat(timings).containsExactly("a:true", "c:true");
    assertThat(manager.outcomes.find("e-1")).contains(outcome);
  }

  @Test
  void aFailingHandlerFailsTheEventButTheOthersStillRun() {
    manager.useHandlers(
        List.of(failing("broken", new IllegalStateException("boom")), recording("after", true)));

    EventOutcome outcome = manager.route("chat-message-received", event("e-2"));

    assertThat(outcome.succeeded()).isFalse();
    HandlerResult failed = outcome.results().get(0);
    assertThat(failed.success()).isFalse();
    assertThat(failed.error()).isEqualTo("boom");
    assertThat(failed.retryDue()).isFalse();
    assertThat(calls).containsExactly("after:e-2");
    assertThat(new HandlingFailedException(outcome))
        .hasMessage("Event e-2 (chat.message.received) not handled: handler 'broken' failed: boom");
  }

  @Test
  void aTransientFailureIsMarkedAsDueForRetry() {
    manager.useHandlers(List.of(failing("flaky", new TransientHandlerException("timeout"))));

    HandlerResult result = manager.route("chat-message-received", event("e-3")).results().get(0);

    assertThat(result.retryDue()).isTrue();
    assertThat(result.duration().isNegative()).isFalse();
  }

  private EventHandler recording(String name, boolean accepts) {
    return new EventHandler() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean accepts(CloudEvent event) {
        return accepts;
      }

      @Override
      public void handle(CloudEvent event) {
        calls.add(name + ":" + event.id());
      }
    };
  }

  private static EventHandler failing(String name, Exception error) {
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
      public void handle(CloudEvent event) throws Exception {
        throw error;
      }
    };
  }

  private static CloudEvent event(String id) {
    return CloudEvent.builder()
        .id(id)
        .source("/t")
        .type("chat.message.received")
        .tenantid("acme")
        .data(Json.MAPPER.createObjectNode())
        .build();
  }
}
