package dev.herald.health;

import dev.herald.control.ChannelControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which channels an operator paused. A pause is deliberate, so it keeps the server ready (a
 * load balancer must not take it out, and a restart would undo the pause); a failed channel is
 * reported DOWN by SmallRye's own check. Until the channel states' topic was read every channel is
 * paused, and {@code states} says why it is not read yet.
 */
@Readiness
@ApplicationScoped
public class ChannelsReadinessCheck implements HealthCheck {

  @Inject ChannelControl control;

  @Override
  public HealthCheckResponse call() {
    Set<String> paused = control.paused();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("herald-channels").up();
    if (!paused.isEmpty()) {
      response.withData("paused", String.join(",", paused));
    }
    control.waitingForStates().ifPresent(why -> response.withData("states", why));
    return response.build();
  }
}
