package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Integrations: webhooks received, calls made to other APIs. */
@ApplicationScoped
public class IntegrationChannels {

  @Inject ChannelRouter router;

  @Incoming("integration-webhook-received")
  public CompletionStage<Void> integrationWebhookReceived(Message<List<byte[]>> records) {
    return router.receive("integration-webhook-received", records);
  }

  @Incoming("integration-api-call")
  public CompletionStage<Void> integrationApiCall(Message<List<byte[]>> records) {
    return router.receive("integration-api-call", records);
  }
}
