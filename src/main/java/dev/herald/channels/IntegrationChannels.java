package dev.herald.channels;

import dev.herald.routing.EventManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Integrations: webhooks received, calls made to other APIs. */
@ApplicationScoped
public class IntegrationChannels {

  @Inject EventManager eventManager;

  @Incoming("integration-webhook-received")
  public CompletionStage<Void> integrationWebhookReceived(Message<byte[]> record) {
    return eventManager.receive("integration-webhook-received", record);
  }

  @Incoming("integration-api-call")
  public CompletionStage<Void> integrationApiCall(Message<byte[]> record) {
    return eventManager.receive("integration-api-call", record);
  }
}
