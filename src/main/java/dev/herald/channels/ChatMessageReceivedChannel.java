package dev.herald.channels;

import dev.herald.routing.EventManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code chat.message.received} events. */
@ApplicationScoped
public class ChatMessageReceivedChannel {

  static final String CHANNEL = "chat-message-received";

  @Inject EventManager eventManager;

  @Incoming(CHANNEL)
  public CompletionStage<Void> consume(KafkaRecord<String, byte[]> record) {
    return eventManager.receive(CHANNEL, record);
  }
}
