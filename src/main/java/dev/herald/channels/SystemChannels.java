package dev.herald.channels;

import dev.herald.routing.EventManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** System facts: health checks run, errors that occurred. */
@ApplicationScoped
public class SystemChannels {

  @Inject EventManager eventManager;

  @Incoming("system-health-check")
  public CompletionStage<Void> systemHealthCheck(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("system-health-check", record);
  }

  @Incoming("system-error")
  public CompletionStage<Void> systemError(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("system-error", record);
  }
}
