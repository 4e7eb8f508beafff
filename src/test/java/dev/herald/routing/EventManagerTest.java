package dev.herald.routing;

import static dev.herald.routing.TestHandlers.handler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.api.EventOutcome;
import dev.herald.api.HandlerResult;
import dev.herald.api.TransientHandlerException;
import dev.herald.events.Json;
import dev.herald.reliability.InMemoryIdempotencyStore;
import dev.herald.reliability.RetryPolicies;
import dev.herald.reliability.RetryPolicy;
import dev.herald.tracing.Tracing;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventManagerTest {

  private static final String CHANNEL = "chat-message-received";
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          4,
          Duration.ofMillis(100),
          2.0,
          Duration.ofMillis(300),
          0.0,
          List.of(TransientHandlerException.class),
          Duration.ZERO);

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> timings = new CopyOnWriteArrayList<>();
  private final List<Long> backoffs = new CopyOnWriteArrayList<>();
  private final EventManager manager = new EventManager();
  private ScheduledThreadPoolExecutor threads;

  @BeforeEach
  void setUp() {
    // Runs each retry at once and records the backoff it asked for.
    threads =
        new ScheduledThreadPoolExecutor(2) {
          @Override
          public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            backoffs.add(unit.toMillis(delay));
            return super.schedule(command, 0, unit);
          }

          @Override
          public void execute(Runnable command) {
            super.schedule(command, 0, TimeUnit.NANOSECONDS);
          }
        };
    EventMonitor monitor =
        new EventMonitor() {
          @Override
          public void handled(String handler, boolean success, Duration duration) {
            timings.add(handler + ":" + success);
          }

          @Override
          public void duplicate(String handler) {
            timings.add(handler + ":duplicate");
          }
        };
    InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore(100);
    HandlerInvoker invoker = new HandlerInvoker();
    manager.executor = threads;
    manager.scheduler = threads;
    invoker.idempotency = idempotency;
    invoker.monitor = monitor;
    invoker.tracing = new Tracing();
    manager.tracing = invoker.tracing;
    manager.invoker = invoker;
    manager.monitor = monitor;
    manager.outcomes = new RecentOutcomes();
    manager.outcomes.retained = 10;
    manager.retries =
        new RetryPolicies() {
          @Override
          public RetryPolicy forChannel(String channel) {
            return POLICY;
          }
        };
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void callsEveryAcceptingHandlerAndRecordsAResultEach() {
    manager.useHandlers(List.of(recording("a", true), recording("b", false), recording("c", true)));

    EventOutcome outcome = dispatch(event("e-1"));

    assertThat(calls).containsExactly("a:e-1", "c:e-1");
    assertThat(outcome.results()).extracting(HandlerResult::handler).containsExactly("a", "c");
    assertThat(outcome.results()).extracting(HandlerResult::attempts).containsExactly(1, 1);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(timings).containsExactly("a:true", "c:true");
    assertThat(manager.outcomes.find("e-1")).contains(outcome);
  }

  @Test
  void aPermanentFailureIsNotRetriedAndTheOthersStillRun() {
    manager.useHandlers(
        List.of(
            failing("broken", 99, new IllegalStateException("boom")), recording("after", true)));

    EventOutcome outcome = dispatch(event("e-2"));

    assertThat(outcome.succeeded()).isFalse();
    HandlerResult failed = outcome.results().get(0);
    assertThat(failed.success()).isFalse();
    assertThat(failed.error()).isEqualTo("boom");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.retryDue()).isFalse();
    assertThat(failed.firstFailureAt()).isEqualTo(failed.lastFailureAt()).isNotNull();
    assertThat(backoffs).isEmpty();
    assertThat(calls).containsExactly("after:e-2");
    assertThat(new HandlingFailedException(outcome))
        .hasMessage("Event e-2 (chat.message.received) not handled: handler 'broken' failed: boom");
  }

  @Test
  void aTransientFailureIsRetriedWithGrowingBackoffUntilItSucceeds() {
    manager.useHandlers(List.of(failing("flaky", 3, new TransientHandlerException("timeout"))));

    HandlerResult result = dispatch(event("e-3")).results().get(0);

    assertThat(result.success()).isTrue();
    assertThat(result.attempts()).isEqualTo(4);
    assertThat(result.firstFailureAt()).isBeforeOrEqualTo(result.lastFailureAt());
    assertThat(backoffs).containsExactly(100L, 200L, 300L);
  }

  @Test
  void aTransientFailureThatOutlastsTheAttemptsFailsAsDueForRetry() {
    manager.useHandlers(List.of(failing("down", 99, new TransientHandlerException("still down"))));

    HandlerResult result = dispatch(event("e-4")).results().get(0);

    assertThat(result.success()).isFalse();
    assertThat(result.attempts()).isEqualTo(4);
    assertThat(result.retryDue()).isTrue();
    assertThat(result.error()).isEqualTo("still down");
  }

  @Test
  void anEventAHandlerCompletedIsNotAppliedAgain() {
    manager.useHandlers(List.of(recording("once", true)));

    dispatch(event("e-5"));
    HandlerResult second = dispatch(event("e-5")).results().get(0);

    assertThat(calls).containsExactly("once:e-5");
    assertThat(second.duplicate()).isTrue();
    assertThat(second.success()).isTrue();
    assertThat(second.attempts()).isZero();
  }

  @Test
  void aNonBlockingHandlerRunsOnTheDeliveringThreadAndABlockingOneOnTheExecutor() {
    List<Thread> ran = new CopyOnWriteArrayList<>();
    manager.useHandlers(List.of(onThread("fast", false, ran), onThread("slow", true, ran)));

    dispatch(event("e-6"));

    assertThat(ran).hasSize(2);
    assertThat(ran.get(0)).isSameAs(Thread.currentThread());
    assertThat(ran.get(1)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void withABlockingIdempotencyStoreEveryHandlerRunsOnTheExecutor() {
    manager.invoker.idempotency =
        new InMemoryIdempotencyStore(100) {
          @Override
          public boolean blocking() {
            return true;
          }
        };
    List<Thread> ran = new CopyOnWriteArrayList<>();
    manager.useHandlers(List.of(onThread("fast", false, ran)));

    dispatch(event("e-7"));

    assertThat(ran).singleElement().isNotSameAs(Thread.currentThread());
  }

  @Test
  void aReplayCallsOnlyTheNamedHandlersThatAcceptEvenWhenTheyCompletedTheEvent() {
    manager.useHandlers(List.of(recording("a", true), recording("b", true), recording("c", false)));
    dispatch(event("e-8"));
    calls.clear();

    EventOutcome outcome = replay(event("e-8"), Set.of("a", "c"));

    assertThat(calls).containsExactly("a:e-8");
    assertThat(outcome.results()).extracting(HandlerResult::handler).containsExactly("a");
    assertThat(outcome.results().get(0).duplicate()).isFalse();
    assertThat(outcome.results().get(0).attempts()).isEqualTo(1);
  }

  @Test
  void aReplayIsNotKeptAmongTheRecentOutcomesOfLiveEvents() {
    manager.useHandlers(List.of(recording("a", true)));

    replay(event("e-9"), Set.of("a"));

    assertThat(calls).containsExactly("a:e-9");
    assertThat(manager.outcomes.find("e-9")).isEmpty();
  }

  @Test
  void aReplayLeavesOutAHandlerThatOptedOutEvenWhenNamed() {
    manager.useHandlers(List.of(notReplayable("payments"), recording("a", true)));

    EventOutcome outcome = replay(event("e-10"), Set.of("payments", "a"));

    assertThat(calls).containsExactly("a:e-10");
    assertThat(outcome.results()).extracting(HandlerResult::handler).containsExactly("a");
  }

  @Test
  void aReplayThatNoNamedHandlerAcceptsHasNoResults() {
    manager.useHandlers(List.of(recording("a", false), recording("b", true)));

    EventOutcome outcome = replay(event("e-11"), Set.of("a"));

    assertThat(calls).isEmpty();
    assertThat(outcome.results()).isEmpty();
    assertThat(outcome.succeeded()).isTrue();
  }

  @Test
  void aReplayRetriesATransientFailureWithTheChannelsPolicy() {
    manager.useHandlers(List.of(failing("flaky", 2, new TransientHandlerException("timeout"))));

    HandlerResult result = replay(event("e-12"), Set.of("flaky")).results().get(0);

    assertThat(result.success()).isTrue();
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(backoffs).containsExactly(100L, 200L);
  }

  @Test
  void theEnabledHandlersAreListedInCallingOrder() {
    manager.useHandlers(List.of(recording("b", true), recording("a", true)));

    assertThat(manager.handlers()).extracting(EventHandler::name).containsExactly("b", "a");
  }

  private EventOutcome replay(CloudEvent event, Set<String> handlers) {
    return manager
        .replay(CHANNEL, event, handlers)
        .toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  /** Accepts every event, records its calls, and opts out of replays. */
  private EventHandler notReplayable(String name) {
    EventHandler recording = recording(name, true);
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
        recording.handle(event);
      }

      @Override
      public boolean replayable() {
        return false;
      }
    };
  }

  private EventOutcome dispatch(CloudEvent event) {
    return manager
        .dispatch(CHANNEL, event)
        .toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  private EventHandler recording(String name, boolean accepts) {
    return handler(name, accepts, true, event -> calls.add(name + ":" + event.id()));
  }

  /** Fails the first {@code failures} calls with {@code error}, then succeeds. */
  private static EventHandler failing(String name, int failures, Exception error) {
    AtomicInteger count = new AtomicInteger();
    return handler(
        name,
        true,
        true,
        event -> {
          if (count.incrementAndGet() <= failures) {
            throw error;
          }
        });
  }

  /** Records the thread it runs on. */
  private static EventHandler onThread(String name, boolean blocking, List<Thread> ran) {
    return handler(name, true, blocking, event -> ran.add(Thread.currentThread()));
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
