package dev.herald.health;

import dev.herald.kafka.BrokerStatus;
import dev.herald.kafka.KafkaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker is usable, as last seen by the {@link KafkaProbe}; never blocks. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  @Inject KafkaProbe probe;

  @Override
  public HealthCheckResponse call() {
    BrokerStatus status = probe.status();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("herald-kafka")
            .withData("bootstrap.servers", probe.bootstrapServers())
            .withData("brokers", status.brokers());
    if (status.checkedAt() != null) {
      response.withData("checked-at", status.checkedAt().toString());
    }
    if (!probe.fresh(status)) {
      return response
          .down()
          .withData("reason", "no recent broker check: " + status.reason())
          .build();
    }
    return status.up()
        ? response.up().build()
        : response.down().withData("reason", status.reason()).build();
  }
}
