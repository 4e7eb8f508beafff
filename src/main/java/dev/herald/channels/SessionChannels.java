package dev.herald.channels;

import dev.herald.routing.EventManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** User sessions: started and ended. */
@ApplicationScoped
public class SessionChannels {

  @Inject EventManager eventManager;

  @Incoming("chat-user-session-started")
  public CompletionStage<Void> chatUserSessionStarted(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("chat-user-session-started", record);
  }

  @Incoming("chat-user-session-ended")
  public CompletionStage<Void> chatUserSessionEnded(KafkaRecord<String, byte[]> record) {
    return eventManager.receive("chat-user-session-ended", record);
  }
}
