package dev.herald.metrics;

import dev.herald.webhooks.Attempt;
import dev.herald.webhooks.DeliveryAttempted;
import dev.herald.webhooks.Endpoints;
import dev.herald.webhooks.PendingDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Webhook deliveries by endpoint and outcome, their time by outcome, and the endpoints enabled and
 * disabled, and the deliveries pending on this server. The endpoint tag is bounded by the endpoints
 * operators register; the outcome tag by {@link Attempt.Outcome}.
 */
@ApplicationScoped
public class WebhookMetrics {

  static final Metadata DELIVERIES =
      Metadata.builder()
          .withName("herald.webhooks.deliveries")
          .withDescription("Delivery attempts to webhook endpoints, by endpoint and outcome")
          .build();
  static final Metadata DELIVERY_TIME =
      Metadata.builder()
          .withName("herald.webhooks.delivery.duration")
          .withDescription("Time of a delivery attempt to a webhook endpoint, by outcome")
          .withUnit(MetricUnits.SECONDS)
          .build();
  static final Metadata ENDPOINTS =
      Metadata.builder()
          .withName("herald.webhooks.endpoints")
          .withDescription("Webhook endpoints registered, by state (enabled or disabled)")
          .build();

  static final Metadata PENDING =
      Metadata.builder()
          .withName("herald.webhooks.pending")
          .withDescription(
              "Webhook deliveries not done yet (waiting, under way or waiting for a retry) on the"
                  + " partitions of the pending topic this server sends")
          .build();

  @Inject Endpoints endpoints;
  @Inject PendingDeliveries pending;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(ENDPOINTS, endpoints, all -> all.count(true), new Tag("state", "enabled"));
    registry.gauge(ENDPOINTS, endpoints, all -> all.count(false), new Tag("state", "disabled"));
    registry.gauge(PENDING, pending, all -> all.pending());
  }

  void attempted(@Observes DeliveryAttempted attempt) {
    String outcome = attempt.delivery().outcome().name().toLowerCase(java.util.Locale.ROOT);
    registry
        .counter(DELIVERIES, new Tag("endpoint", attempt.endpointId()), new Tag("outcome", outcome))
        .inc();
    registry
        .timer(DELIVERY_TIME, new Tag("outcome", outcome))
        .update(Duration.ofMillis(attempt.delivery().latencyMs()));
  }
}
