package dev.herald.health;

import dev.herald.kafka.KafkaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the broker probe has run at least once, whatever it found. */
@Startup
@ApplicationScoped
public class HeraldStartupCheck implements HealthCheck {

  @Inject KafkaProbe probe;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("herald-started")
        .status(probe.status().checkedAt() != null)
        .build();
  }
}
