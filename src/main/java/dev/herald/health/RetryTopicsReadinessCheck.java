package dev.herald.health;

import dev.herald.retry.RetryTopicConsumer;
import dev.herald.retry.RetryTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the retry topics are consumed, or when no channel has any. */
@Readiness
@ApplicationScoped
public class RetryTopicsReadinessCheck implements HealthCheck {

  @Inject RetryTopics topics;
  @Inject RetryTopicConsumer consumer;

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("herald-retry-topics").withData("topics", topics.all().size());
    return consumer
        .failure()
        .map(reason -> response.down().withData("reason", reason).build())
        .orElseGet(() -> response.up().build());
  }
}
