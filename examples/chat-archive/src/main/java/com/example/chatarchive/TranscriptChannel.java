package com.example.chatarchive;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The {@code chat-transcript-archived} channel (configured in microprofile-config.properties):
 * hands every record to Herald, which decodes, validates, routes and dead-letters it.
 */
@ApplicationScoped
public class TranscriptChannel {

  @Inject ChannelRouter router;

  @Incoming("chat-transcript-archived")
  public CompletionStage<Void> chatTranscriptArchived(Message<List<byte[]>> records) {
    return router.receive("chat-transcript-archived", records);
  }
}
