package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** User sessions: started and ended. */
@ApplicationScoped
public class SessionChannels {

  @Inject ChannelRouter router;

  @Incoming("chat-user-session-started")
  public CompletionStage<Void> chatUserSessionStarted(Message<List<byte[]>> records) {
    return router.receive("chat-user-session-started", records);
  }

  @Incoming("chat-user-session-ended")
  public CompletionStage<Void> chatUserSessionEnded(Message<List<byte[]>> records) {
    return router.receive("chat-user-session-ended", records);
  }
}
