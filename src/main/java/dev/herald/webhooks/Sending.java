package dev.herald.webhooks;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventPublisher;
import dev.herald.config.WebhookSettings;
import dev.herald.events.Json;
import dev.herald.tracing.Calling;
import dev.herald.tracing.Tracing;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.node.ObjectNode;

/**
 * One attempt of a pending delivery and what follows from it: a success or a 410 ends the delivery;
 * another failure schedules the next attempt ({@link RetrySchedule}, {@code Retry-After} honoured)
 * or, when the waits are used up, gives the delivery up; an endpoint that has been failing for
 * {@code herald.webhooks.disable-after} is disabled, and a {@code system.error} event says so.
 * Every attempt goes to the deliveries log.
 */
@ApplicationScoped
public class Sending {

  static final String DISABLED_CODE = "WEBHOOK_ENDPOINT_DISABLED";

  private static final Logger LOG = Logger.getLogger(Sending.class.getName());

  @Inject WebhookSettings settings;
  @Inject Endpoints endpoints;
  @Inject Deliveries deliveries;
  @Inject EventPublisher publisher;
  @Inject Tracing tracing;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService deadlines;

  private final Clock clock = Clock.systemUTC();
  private WebhookClient client;
  private RetrySchedule retries;
  private ExecutorService executor;

  /** The threads of the lanes: as many as lanes have work, none while idle. */
  synchronized ExecutorService executor() {
    if (executor == null) {
      executor =
          new ThreadPoolExecutor(
              0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
    return executor;
  }

  private synchronized WebhookClient client() {
    if (client == null) {
      client = new WebhookClient(AddressGuard.of(settings), settings, clock, deadlines);
      retries = RetrySchedule.of(settings);
    }
    return client;
  }

  void stop() throws InterruptedException {
    ExecutorService lanes;
    WebhookClient http;
    synchronized (this) {
      lanes = executor;
      http = client;
    }
    if (lanes != null) {
      lanes.shutdown();
      if (!lanes.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
        lanes.shutdownNow();
      }
    }
    if (http != null) {
      try {
        http.close();
      } catch (IOException e) {
        LOG.fine("Closing the webhook client: " + e);
      }
    }
  }

  /**
   * Attempts a delivery to its endpoint (null when deleted) and stores what follows.
   *
   * @throws WebhooksUnavailableException when what follows could not be stored; the delivery is
   *     then attempted again later
   */
  void attempt(PendingDelivery delivery, Endpoint endpoint, PendingDeliveries pending) {
    if (endpoint == null || !endpoint.enabled()) {
      LOG.info(
          "Gave up delivery "
              + delivery.key()
              + ": the endpoint is "
              + (endpoint == null ? "deleted" : "disabled"));
      pending.remove(delivery);
      return;
    }
    WebhookMessage message = delivery.message();
    Calling span = tracing.delivering(message.traceparent(), message.id(), endpoint.id());
    Attempt attempt =
        client()
            .send(
                URI.create(endpoint.url()),
                message,
                endpoint.signingSecrets(clock.instant()),
                span.headers());
    span.end(attempt.status(), attempt.succeeded() ? null : attempt.outcome().name());
    Instant ended = attempt.at().plus(attempt.latency());
    if (attempt.succeeded()) {
      deliveries.record(endpoint.id(), Delivery.of(delivery, attempt, null));
      pending.remove(delivery);
      endpoints.succeeded(endpoint.id());
      return;
    }
    if (attempt.disablesEndpoint()) {
      deliveries.record(endpoint.id(), Delivery.of(delivery, attempt, null));
      disable(
          endpoint,
          "the endpoint answered 410 Gone at "
              + attempt.at()
              + "; PATCH it with \"enabled\": true to deliver to it again",
          null);
      pending.remove(delivery);
      return;
    }
    Instant failingSince = endpoints.failed(endpoint.id(), attempt.at()).orElse(attempt.at());
    if (retries.disables(failingSince, ended)) {
      deliveries.record(endpoint.id(), Delivery.of(delivery, attempt, null));
      disable(
          endpoint,
          "its deliveries failed since "
              + failingSince
              + " ("
              + WebhookSettings.DISABLE_AFTER.key()
              + " is "
              + settings.disableAfter()
              + "); the last attempt: "
              + describe(attempt)
              + "; PATCH it with \"enabled\": true to deliver to it again",
          failingSince);
      pending.remove(delivery);
      return;
    }
    Optional<Instant> next =
        retries.next(delivery.attempts() + 1, ended, attempt.retryAfter(), failingSince);
    if (next.isPresent()) {
      pending.update(delivery.failed(attempt.at(), next.get()));
      deliveries.record(endpoint.id(), Delivery.of(delivery, attempt, next.get()));
    } else {
      deliveries.record(endpoint.id(), Delivery.of(delivery, attempt, null));
      LOG.warning(
          "Gave up delivery "
              + delivery.key()
              + " after "
              + (delivery.attempts() + 1)
              + " attempts; the last: "
              + describe(attempt));
      pending.remove(delivery);
    }
  }

  private void disable(Endpoint endpoint, String reason, Instant failingSince) {
    try {
      if (endpoints.disable(endpoint.id(), reason)) {
        LOG.warning("Disabled webhook endpoint " + endpoint.id() + ": " + reason);
        announce(endpoint, reason, failingSince);
      }
    } catch (WebhooksUnavailableException e) {
      LOG.warning("Endpoint " + endpoint.id() + " was not disabled: " + e.getMessage());
    }
  }

  /** A {@code system.error} event: the endpoint was disabled. */
  private void announce(Endpoint endpoint, String reason, Instant failingSince) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put("errorCode", DISABLED_CODE);
    data.put("message", "Webhook endpoint " + endpoint.id() + " was disabled: " + reason);
    data.put("severity", "error");
    data.put("component", "herald-webhooks");
    data.put("occurredAt", clock.instant().toString());
    ObjectNode context = data.putObject("context");
    context.put("endpointId", endpoint.id());
    if (failingSince != null) {
      context.put("failingSince", failingSince.toString());
    }
    CloudEvent.Builder event =
        CloudEvent.builder()
            .type("system.error")
            .source("/herald/webhooks")
            .subject(endpoint.id())
            .time(clock.instant().atOffset(ZoneOffset.UTC))
            .data(data);
    if (endpoint.tenantid() != null) {
      event.extension("tenantid", endpoint.tenantid());
    }
    publisher
        .publish(event.build())
        .whenComplete(
            (receipt, error) -> {
              if (error != null) {
                LOG.log(
                    Level.WARNING,
                    "The system.error event for disabled endpoint "
                        + endpoint.id()
                        + " was not published",
                    error);
              }
            });
  }

  private static String describe(Attempt attempt) {
    return attempt.status() == 0
        ? attempt.outcome() + " (" + attempt.response() + ")"
        : attempt.outcome() + " " + attempt.status();
  }
}
