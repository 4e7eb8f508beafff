package dev.herald.channels;

import dev.herald.routing.EventManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Conversations: started, ended, context updated. */
@ApplicationScoped
public class ConversationChannels {

  @Inject EventManager eventManager;

  @Incoming("chat-conversation-started")
  public CompletionStage<Void> chatConversationStarted(Message<byte[]> record) {
    return eventManager.receive("chat-conversation-started", record);
  }

  @Incoming("chat-conversation-ended")
  public CompletionStage<Void> chatConversationEnded(Message<byte[]> record) {
    return eventManager.receive("chat-conversation-ended", record);
  }

  @Incoming("chat-conversation-context-updated")
  public CompletionStage<Void> chatConversationContextUpdated(Message<byte[]> record) {
    return eventManager.receive("chat-conversation-context-updated", record);
  }
}
