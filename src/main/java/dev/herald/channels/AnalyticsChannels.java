package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Analytics: conversation summaries and user behaviour. */
@ApplicationScoped
public class AnalyticsChannels {

  @Inject ChannelRouter router;

  @Incoming("analytics-conversation")
  public CompletionStage<Void> analyticsConversation(Message<List<byte[]>> records) {
    return router.receive("analytics-conversation", records);
  }

  @Incoming("analytics-user-behavior")
  public CompletionStage<Void> analyticsUserBehavior(Message<List<byte[]>> records) {
    return router.receive("analytics-user-behavior", records);
  }
}
