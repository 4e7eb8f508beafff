package dev.herald.channels;

import dev.herald.routing.EventManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Conversations: started, ended, context updated. */
@ApplicationScoped
public class ConversationChannels {

  @Inject EventManager eventManager;

  @Incoming("chat-conversation-started")
  public CompletionStage<Void> chatConversationStarted(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("chat-conversation-started", record);
  }

  @Incoming("chat-conversation-ended")
  public CompletionStage<Void> chatConversationEnded(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("chat-conversation-ended", record);
  }

  @Incoming("chat-conversation-context-updated")
  public CompletionStage<Void> chatConversationContextUpdated(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("chat-conversation-context-updated", record);
  }
}
