package dev.herald.channels;

import dev.herald.routing.EventManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Analytics: conversation summaries and user behaviour. */
@ApplicationScoped
public class AnalyticsChannels {

  @Inject EventManager eventManager;

  @Incoming("analytics-conversation")
  public CompletionStage<Void> analyticsConversation(Message<byte[]> record) {
    return eventManager.receive("analytics-conversation", record);
  }

  @Incoming("analytics-user-behavior")
  public CompletionStage<Void> analyticsUserBehavior(Message<byte[]> record) {
    return eventManager.receive("analytics-user-behavior", record);
  }
}
