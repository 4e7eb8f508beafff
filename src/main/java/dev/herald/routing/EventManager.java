package dev.herald.routing;

import dev.herald.api.ChannelRouter;
import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.api.EventOutcome;
import dev.herald.api.HandlerResult;
import dev.herald.config.ConsumeSettings;
import dev.herald.reliability.DeadLetterHeaders;
import dev.herald.reliability.RetryPolicies;
import dev.herald.reliability.RetryPolicy;
import dev.herald.tracing.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Routes each incoming event to every handler that accepts it, records a {@link HandlerResult}
 * each, and settles the record only when all succeeded (retries included): its offset is committed
 * once every earlier record of its partition is settled too. A record that is not a valid event of
 * the channel's type, or that a handler failed for good, is written to the channel's dead-letter
 * topic with the real cause and {@link DeadLetterHeaders}, so that the channel's dead-letter topic
 * gets the original record, a precise reason and what to act on.
 */
@ApplicationScoped
public class EventManager implements ChannelRouter {

  @Inject @Any Instance<EventHandler> handlerBeans;
  @Inject EventReader reader;
  @Inject HandlerInvoker invoker;
  @Inject RetryPolicies retries;
  @Inject RecentOutcomes outcomes;
  @Inject EventMonitor monitor;
  @Inject RetryHandoff retryHandoff;
  @Inject DeadLetterWriter deadLetters;
  @Inject Tracing tracing;
  @Inject ChannelOffsets offsets;

  @Inject ConsumeSettings settings;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  int lanes = ConsumeSettings.defaults().maxInFlight();

  private final Map<String, ChannelFlow> flows = new ConcurrentHashMap<>();

  private volatile Watchdog watchdog;

  private List<Handler> handlers;

  /** Set when the application stops: failures then come from the stop, not from the event. */
  private volatile boolean stopping;

  @PostConstruct
  void init() {
    lanes = settings.maxInFlight();
    Set<String> off = settings.disabledHandlers();
    useHandlers(handlerBeans.stream().filter(handler -> !off.contains(handler.name())).toList());
  }

  void useHandlers(List<EventHandler> handlers) {
    this.handlers = handlers.stream().map(Handler::of).toList();
  }

  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    stopping = true;
  }

  @PreDestroy
  void stop() {
    Watchdog current = watchdog;
    if (current != null) {
      current.close();
    }
  }

  /** Whether the application is stopping, so that failures may come from the stop. */
  public boolean stopping() {
    return stopping;
  }

  /**
   * Whether a record's handling was cut short by the stop (the application is stopping, or the
   * error is an interruption), so that it must be neither acked nor dead-lettered.
   */
  public boolean interruptedByStop(Throwable error) {
    return stopping || HandlingInterruptedException.isInterruption(error);
  }

  /**
   * Takes a batch of a channel: each record is handled after the channel's earlier records with the
   * same key (the partition for records without one), concurrently with records of other keys on up
   * to {@code herald.consume.max-in-flight} lanes. The stage completes when the channel may hand
   * over its next batch.
   */
  @Override
  public CompletionStage<Void> receive(String channel, Message<List<byte[]>> batch) {
    List<Message<?>> messages = Batches.messages(channel, batch);
    List<Consumed> records = new ArrayList<>(messages.size());
    for (Message<?> message : messages) {
      records.add(Consumed.of(channel, message));
    }
    return flows.computeIfAbsent(channel, this::flow).take(records);
  }

  /**
   * When an event of the channel last succeeded with all its handlers since the server started;
   * empty before the first.
   */
  public Optional<Instant> lastHandled(String channel) {
    ChannelFlow flow = flows.get(channel);
    return flow == null ? Optional.empty() : flow.lastHandled();
  }

  private ChannelFlow flow(String channel) {
    Slot[] slots = new Slot[Math.max(1, lanes)];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = slot();
    }
    return new ChannelFlow(
        channel, offsets.forChannel(channel), retries.forChannel(channel), this, slots);
  }

  private Slot slot() {
    Slot slot = new Slot(invoker, executor, scheduler);
    watchdog().watch(slot);
    return slot;
  }

  private Watchdog watchdog() {
    Watchdog current = watchdog;
    if (current == null) {
      synchronized (this) {
        if (watchdog == null) {
          watchdog = new Watchdog(scheduler);
        }
        current = watchdog;
      }
    }
    return current;
  }

  /** The way of an event of a channel through the handlers that accept it. */
  Dispatch dispatchOf(String channel, RetryPolicy policy, CloudEvent event) {
    List<Handler> accepting = new ArrayList<>(handlers.size());
    for (Handler handler : handlers) {
      if (handler.bean().accepts(event)) {
        accepting.add(handler);
      }
    }
    return new Dispatch(channel, event, policy, accepting);
  }

  /**
   * Calls every accepting handler, one after the other in a stable order, each with the channel's
   * retry policy; the outcome is also kept for lookups. Blocking handlers run on managed threads.
   */
  public CompletionStage<EventOutcome> dispatch(String channel, CloudEvent event) {
    return once(event, () -> dispatchOf(channel, retries.forChannel(channel), event), true);
  }

  /**
   * Replays an event, asked for on purpose: calls the handlers named in {@code handlerNames} that
   * are {@link EventHandler#replayable replayable} and accept it, in the stable order, each with
   * the channel's retry policy, as {@link #dispatch} does, but even when a handler completed the
   * event before (the idempotency store is not asked, though a success is still marked in it), and
   * without keeping the outcome among the recent outcomes of live events. An outcome without
   * results means no named handler accepted it.
   */
  public CompletionStage<EventOutcome> replay(
      String channel, CloudEvent event, Set<String> handlerNames) {
    return once(event, () -> replayOf(channel, event, handlerNames), false);
  }

  /** The enabled handler beans ({@code herald.handlers.disabled} left out), in calling order. */
  public List<EventHandler> handlers() {
    return handlers.stream().map(Handler::bean).toList();
  }

  private Dispatch replayOf(String channel, CloudEvent event, Set<String> handlerNames) {
    List<Handler> chosen = new ArrayList<>(handlerNames.size());
    for (Handler handler : handlers) {
      if (handlerNames.contains(handler.name())
          && handler.bean().replayable()
          && handler.bean().accepts(event)) {
        chosen.add(handler);
      }
    }
    return new Dispatch(channel, event, retries.forChannel(channel), chosen, true);
  }

  /** Runs one dispatch on a lane of its own; {@code live} outcomes are kept for lookups. */
  private CompletionStage<EventOutcome> once(
      CloudEvent event, Supplier<Dispatch> dispatchOf, boolean live) {
    CompletableFuture<EventOutcome> result = new CompletableFuture<>();
    Slot slot = slot();
    slot.offer(
        new Job() {
          private boolean taken;

          @Override
          public Dispatch next() {
            if (taken) {
              return null;
            }
            taken = true;
            return dispatchOf.get();
          }

          @Override
          public void finished(Dispatch dispatch) {
            watchdog().forget(slot);
            EventOutcome outcome = dispatch.outcome();
            if (live) {
              outcomes.record(outcome);
            }
            result.complete(outcome);
          }

          @Override
          public void interrupted(Dispatch dispatch) {
            watchdog().forget(slot);
            result.completeExceptionally(
                new HandlingInterruptedException(
                    dispatch.done() ? "(none)" : dispatch.handler().name(),
                    event.id(),
                    new InterruptedException("the server is stopping")));
          }
        });
    return result;
  }
}
