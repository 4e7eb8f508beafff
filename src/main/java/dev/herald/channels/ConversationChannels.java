package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Conversations: started, ended, context updated. */
@ApplicationScoped
public class ConversationChannels {

  @Inject ChannelRouter router;

  @Incoming("chat-conversation-started")
  public CompletionStage<Void> chatConversationStarted(Message<byte[]> record) {
    return router.receive("chat-conversation-started", record);
  }

  @Incoming("chat-conversation-ended")
  public CompletionStage<Void> chatConversationEnded(Message<byte[]> record) {
    return router.receive("chat-conversation-ended", record);
  }

  @Incoming("chat-conversation-context-updated")
  public CompletionStage<Void> chatConversationContextUpdated(Message<byte[]> record) {
    return router.receive("chat-conversation-context-updated", record);
  }
}
