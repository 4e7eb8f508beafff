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
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Routes each incoming event to every handler that accepts it, records a {@link HandlerResult}
 * each, and acknowledges the record only when all succeeded (retries included). A record that is
 * not a valid event of the channel's type, or that a handler failed for good, is nacked with the
 * real cause and {@link DeadLetterHeaders}, so that the channel's dead-letter topic gets the
 * original record, a precise reason and what to act on.
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

  @Inject ConsumeSettings settings;

  private int maxInFlight = ConsumeSettings.defaults().maxInFlight();

  private final Map<String, Lanes> lanes = new ConcurrentHashMap<>();

  private List<EventHandler> handlers;

  /** Set when the application stops: failures then come from the stop, not from the event. */
  private volatile boolean stopping;

  @PostConstruct
  void init() {
    maxInFlight = settings.maxInFlight();
    Set<String> off = settings.disabledHandlers();
    useHandlers(handlerBeans.stream().filter(handler -> !off.contains(handler.name())).toList());
  }

  void useHandlers(List<EventHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    stopping = true;
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
   * Takes a record of a channel: it is handled after the channel's earlier records with the same
   * key (the partition for records without one), concurrently with records of other keys, up to
   * {@code herald.consume.max-in-flight} records per channel. The stage completes when the channel
   * may hand over its next record.
   */
  @Override
  public CompletionStage<Void> receive(String channel, Message<byte[]> record) {
    IncomingKafkaRecordMetadata<?, ?> kafka = kafka(channel, record);
    Object key = kafka.getKey() != null ? kafka.getKey() : kafka.getPartition();
    return lanes
        .computeIfAbsent(channel, name -> new Lanes(name, maxInFlight))
        .submit(key, () -> handle(channel, record, kafka));
  }

  private static IncomingKafkaRecordMetadata<?, ?> kafka(String channel, Message<byte[]> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Channel '"
                        + channel
                        + "' delivered a message without Kafka metadata: its connector must be"
                        + " smallrye-kafka"));
  }

  /** Reads a record of a channel, handles it, then acks or nacks it. */
  CompletionStage<Void> handle(
      String channel, Message<byte[]> record, IncomingKafkaRecordMetadata<?, ?> kafka) {
    CloudEvent event;
    try {
      event = reader.read(channel, kafka.getHeaders(), record.getPayload());
    } catch (EventRejectedException e) {
      monitor.deadLettered(channel, "rejected");
      return record.nack(e, DeadLetterHeaders.rejected(Instant.now()));
    }
    monitor.consumed(channel, event.type());
    return dispatch(channel, event)
        .handle(
            (outcome, error) -> {
              if (error == null && outcome.succeeded()) {
                return record.ack();
              }
              if (interruptedByStop(error)) {
                // Interrupted by the stop: neither acked nor dead-lettered, so the record is not
                // committed and comes back at the next start.
                return CompletableFuture.<Void>completedFuture(null);
              }
              if (error == null && outcome.retryDue() && retryHandoff.accepts(channel)) {
                return toRetryTopic(channel, record, kafka, outcome);
              }
              monitor.deadLettered(channel, "failed");
              return error != null
                  ? record.nack(error, DeadLetterHeaders.error(Instant.now()))
                  : record.nack(
                      new HandlingFailedException(outcome), DeadLetterHeaders.failed(outcome));
            })
        .thenCompose(done -> done);
  }

  /**
   * Hands a record whose handlers failed transiently to the channel's first retry topic, then acks
   * it; if that cannot be written, the record goes to the dead-letter topic instead.
   */
  private CompletionStage<Void> toRetryTopic(
      String channel,
      Message<byte[]> record,
      IncomingKafkaRecordMetadata<?, ?> kafka,
      EventOutcome outcome) {
    return retryHandoff
        .handOff(channel, kafka, record.getPayload(), outcome)
        .thenCompose(sent -> record.ack())
        .exceptionallyCompose(
            error -> {
              monitor.deadLettered(channel, "failed");
              HandlingFailedException failure = new HandlingFailedException(outcome);
              failure.addSuppressed(error);
              return record.nack(failure, DeadLetterHeaders.failed(outcome));
            });
  }

  /**
   * Calls every accepting handler, one after the other in a stable order, each with the channel's
   * retry policy; the outcome is also kept for lookups.
   */
  public CompletionStage<EventOutcome> dispatch(String channel, CloudEvent event) {
    RetryPolicy policy = retries.forChannel(channel);
    CompletionStage<List<HandlerResult>> results =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (EventHandler handler : handlers) {
      if (handler.accepts(event)) {
        results =
            results.thenCompose(
                sofar ->
                    invoker
                        .invoke(handler, event, policy)
                        .thenApply(
                            result -> {
                              sofar.add(result);
                              return sofar;
                            }));
      }
    }
    return results.thenApply(
        list -> {
          EventOutcome outcome =
              new EventOutcome(event.id(), event.type(), channel, Instant.now(), list);
          outcomes.record(outcome);
          return outcome;
        });
  }
}
