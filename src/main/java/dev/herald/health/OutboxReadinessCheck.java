package dev.herald.health;

import dev.herald.outbox.OutboxRelays;
import dev.herald.outbox.OutboxSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every outbox's database answers the relays (or no outbox is configured); the data
 * names each outbox's pending and failed rows, and why a database does not answer.
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

  @Inject OutboxRelays outboxes;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("herald-outbox").up();
    for (OutboxSource source : outboxes.sources()) {
      response.withData(source.name() + ".pending", source.counts().pending());
      response.withData(source.name() + ".failed", source.counts().failed());
      if (source.failure().isPresent()) {
        response.down().withData(source.name() + ".reason", source.failure().get());
      }
    }
    return response.build();
  }
}
