package dev.herald.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Herald's readiness checks as gauges, one per check (tag {@code check}: its name on {@code
 * /health/ready}, e.g. {@code herald-kafka}), so that an alert can fire on readiness DOWN. A scrape
 * calls the check itself, which only reads cached state (the Kafka probe's last verdict, the retry
 * consumer's and the outboxes' state): the gauge says what {@code /health/ready} says. SmallRye's
 * per-channel check is not among them.
 */
@ApplicationScoped
public class ReadinessMetrics {

  static final Metadata READY =
      Metadata.builder()
          .withName("herald.ready")
          .withDescription(
              "1 while the Herald readiness check named by the check tag is UP, else 0")
          .build();

  @Inject @Readiness Instance<HealthCheck> checks;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (Instance.Handle<HealthCheck> handle : checks.handles()) {
      if (handle.getBean().getBeanClass().getName().startsWith("dev.herald.")) {
        HealthCheck check = handle.get();
        registry.gauge(
            READY, check, ReadinessMetrics::up, new Tag("check", check.call().getName()));
      }
    }
  }

  /** 1 when UP; a check that throws is DOWN, as on {@code /health/ready}. */
  static double up(HealthCheck check) {
    try {
      return check.call().getStatus() == HealthCheckResponse.Status.UP ? 1 : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
