package dev.herald.api;

import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes the records of a channel into Herald: a channel bean (an {@code @Incoming} method on a
 * configured {@code smallrye-kafka} channel) hands each record over in one line and returns the
 * stage. Herald decodes and validates the event, calls every accepting {@link EventHandler}, and
 * acknowledges the record, dead-letters it with the reason, or hands it to a retry topic.
 *
 * <pre>{@code
 * @Inject ChannelRouter router;
 *
 * @Incoming("chat-transcript-archived")
 * public CompletionStage<Void> chatTranscriptArchived(Message<byte[]> record) {
 *   return router.receive("chat-transcript-archived", record);
 * }
 * }</pre>
 */
public interface ChannelRouter {

  /**
   * Handles a record of {@code channel}, after the channel's earlier records with the same key.
   *
   * @return completes when the channel may hand over its next record
   */
  CompletionStage<Void> receive(String channel, Message<byte[]> record);
}
