package dev.herald.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes the records of a channel into Herald: a channel bean (an {@code @Incoming} method on a
 * configured {@code smallrye-kafka} channel, which Herald's configuration makes deliver batches and
 * commit through Herald) hands each batch over in one line and returns the stage. Herald decodes
 * and validates each event, calls every accepting {@link EventHandler}, and settles each record:
 * handled, dead-lettered with the reason, or handed to a retry topic; offsets are committed up to
 * the first record not yet settled, per partition.
 *
 * <pre>{@code
 * @Inject ChannelRouter router;
 *
 * @Incoming("chat-transcript-archived")
 * public CompletionStage<Void> chatTranscriptArchived(Message<List<byte[]>> records) {
 *   return router.receive("chat-transcript-archived", records);
 * }
 * }</pre>
 */
public interface ChannelRouter {

  /**
   * Handles a batch of {@code channel}: each record after the channel's earlier records with the
   * same key.
   *
   * @return completes when the channel may hand over its next batch
   */
  CompletionStage<Void> receive(String channel, Message<List<byte[]>> records);
}
