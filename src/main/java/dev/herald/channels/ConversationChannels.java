package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Conversations: started, ended, context updated. */
@ApplicationScoped
public class ConversationChannels {

  @Inject ChannelRouter router;

  @Incoming("chat-conversation-started")
  public CompletionStage<Void> chatConversationStarted(Message<List<byte[]>> records) {
    return router.receive("chat-conversation-started", records);
  }

  @Incoming("chat-conversation-ended")
  public CompletionStage<Void> chatConversationEnded(Message<List<byte[]>> records) {
    return router.receive("chat-conversation-ended", records);
  }

  @Incoming("chat-conversation-context-updated")
  public CompletionStage<Void> chatConversationContextUpdated(Message<List<byte[]>> records) {
    return router.receive("chat-conversation-context-updated", records);
  }
}
