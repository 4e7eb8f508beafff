package dev.herald.health;

import dev.herald.config.IdempotencySettings;
import dev.herald.kafka.BrokerStatus;
import dev.herald.kafka.KafkaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which idempotency store keeps redeliveries from taking effect twice, and how many servers
 * share the channels' consumer groups (the largest group, as the {@link KafkaProbe} last saw it).
 * The in-memory store is each server's own: with several servers, an event that one server handled
 * and another gets after a rebalance or a crash is handled again. That is a warning, in the
 * readiness data and in the log when it starts being true, not a reason to take the server out.
 */
@Readiness
@ApplicationScoped
public class IdempotencyReadinessCheck implements HealthCheck {

  static final String NAME = "herald-idempotency";

  private static final Logger LOG = Logger.getLogger(IdempotencyReadinessCheck.class.getName());

  @Inject IdempotencySettings settings;
  @Inject KafkaProbe probe;

  private final AtomicBoolean warned = new AtomicBoolean();

  @Override
  public HealthCheckResponse call() {
    int servers = probe.status().servers();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .up()
            .withData("store", settings.store())
            .withData("servers", servers);
    if (unshared(servers)) {
      response.withData("warning", warning(servers));
    }
    return response.build();
  }

  /** Logs the warning once each time the group grows past one server with the in-memory store. */
  void checked(@Observes BrokerStatus status) {
    if (!status.up()) {
      return;
    }
    int servers = status.servers();
    if (!unshared(servers)) {
      warned.set(false);
    } else if (warned.compareAndSet(false, true)) {
      LOG.warning(warning(servers));
    }
  }

  private boolean unshared(int servers) {
    return servers > 1 && "memory".equals(settings.store());
  }

  static String warning(int servers) {
    return "The in-memory idempotency store is this server's own, and "
        + servers
        + " servers share the channels' consumer groups: an event handled by one server and"
        + " delivered to another after a rebalance or a crash is handled again there. Set "
        + IdempotencySettings.STORE.key()
        + "=jdbc and "
        + IdempotencySettings.DATASOURCE.key()
        + " to a database every server uses";
  }
}
