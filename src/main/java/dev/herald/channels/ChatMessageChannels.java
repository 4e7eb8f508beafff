package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Chat messages: received from users, sent, delivered. */
@ApplicationScoped
public class ChatMessageChannels {

  @Inject ChannelRouter router;

  @Incoming("chat-message-received")
  public CompletionStage<Void> chatMessageReceived(Message<List<byte[]>> records) {
    return router.receive("chat-message-received", records);
  }

  @Incoming("chat-message-sent")
  public CompletionStage<Void> chatMessageSent(Message<List<byte[]>> records) {
    return router.receive("chat-message-sent", records);
  }

  @Incoming("chat-message-delivered")
  public CompletionStage<Void> chatMessageDelivered(Message<List<byte[]>> records) {
    return router.receive("chat-message-delivered", records);
  }
}
