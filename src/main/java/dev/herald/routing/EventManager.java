package dev.herald.routing;

import dev.herald.channels.EventChannel;
import dev.herald.channels.EventChannels;
import dev.herald.events.CloudEvent;
import dev.herald.events.EventDecodingException;
import dev.herald.events.KafkaBinding;
import dev.herald.events.Violation;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.schemas.EventValidator;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Routes each incoming event to every handler that accepts it, records a {@link HandlerResult}
 * each, and acknowledges the record only when all succeeded. A record that is not a valid event of
 * the channel's type, or that a handler failed, is nacked with the real cause, so that the
 * channel's failure strategy (the dead-letter topic) gets a precise reason.
 */
@ApplicationScoped
public class EventManager {

  @Inject @Any Instance<EventHandler> handlerBeans;
  @Inject EventChannels channels;
  @Inject RecentOutcomes outcomes;
  @Inject HeraldMetrics metrics;
  @Inject EventValidator validator;

  /** Handlers may block (I/O, JDBC): they run on managed threads, off the Kafka event loop. */
  @Resource ManagedExecutorService executor;

  private List<EventHandler> handlers;

  @PostConstruct
  void init() {
    useHandlers(handlerBeans.stream().toList());
  }

  void useHandlers(List<EventHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  /** Decodes a record of a channel, handles it, then acks or nacks it. */
  public CompletionStage<Void> receive(String channel, KafkaRecord<String, byte[]> record) {
    CloudEvent event;
    try {
      event = decode(channel, record);
    } catch (EventRejectedException e) {
      metrics.deadLettered(channel, "rejected");
      return record.nack(e);
    }
    metrics.consumed(channel, event.type());
    return dispatch(channel, event)
        .handle(
            (outcome, error) -> {
              if (error == null && outcome.succeeded()) {
                return record.ack();
              }
              metrics.deadLettered(channel, "failed");
              return record.nack(error != null ? error : new HandlingFailedException(outcome));
            })
        .thenCompose(done -> done);
  }

  /** Calls every accepting handler on a managed thread; the outcome is also kept for lookups. */
  public CompletionStage<EventOutcome> dispatch(String channel, CloudEvent event) {
    CompletableFuture<EventOutcome> result = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            result.complete(route(channel, event));
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  EventOutcome route(String channel, CloudEvent event) {
    List<HandlerResult> results = new ArrayList<>();
    for (EventHandler handler : handlers) {
      if (handler.accepts(event)) {
        results.add(call(handler, event));
      }
    }
    EventOutcome outcome =
        new EventOutcome(event.id(), event.type(), channel, Instant.now(), results);
    outcomes.record(outcome);
    return outcome;
  }

  private HandlerResult call(EventHandler handler, CloudEvent event) {
    String name = handler.name();
    long start = System.nanoTime();
    HandlerResult result;
    try {
      handler.handle(event);
      result = HandlerResult.succeeded(name, Duration.ofNanos(System.nanoTime() - start));
    } catch (Exception e) {
      result = HandlerResult.failed(name, Duration.ofNanos(System.nanoTime() - start), e);
    }
    metrics.handled(name, result.success(), result.duration());
    return result;
  }

  private CloudEvent decode(String channel, KafkaRecord<String, byte[]> record)
      throws EventRejectedException {
    CloudEvent event;
    try {
      event = KafkaBinding.decode(record.getHeaders(), record.getPayload());
    } catch (EventDecodingException e) {
      throw new EventRejectedException(
          "Channel '" + channel + "' cannot read the record: " + e.getMessage(), e);
    }
    String expected = channels.forChannel(channel).map(EventChannel::type).orElse(null);
    if (expected != null && !expected.equals(event.type())) {
      throw new EventRejectedException(
          "Channel '"
              + channel
              + "' carries '"
              + expected
              + "' events but event "
              + event.id()
              + " has type '"
              + event.type()
              + "': publish it to the topic of its own type");
    }
    List<Violation> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      throw new EventRejectedException(
          "Channel '"
              + channel
              + "' rejected event "
              + event.id()
              + " ("
              + event.type()
              + "): "
              + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    try {
      return validator.toLatest(event);
    } catch (IllegalStateException e) {
      throw new EventRejectedException(
          "Channel '" + channel + "' cannot upcast event " + event.id() + ": " + e.getMessage(), e);
    }
  }
}
