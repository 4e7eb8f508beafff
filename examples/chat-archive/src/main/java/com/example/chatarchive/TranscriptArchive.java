package com.example.chatarchive;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Keeps where each conversation's transcript was archived, the latest per conversation, for the
 * last {@value #RETAINED} conversations. A real service would write to its database instead (and
 * then leave {@link #blocking()} at its default).
 */
@ApplicationScoped
public class TranscriptArchive implements EventHandler {

  static final String TYPE = "chat.transcript.archived";
  static final int RETAINED = 10_000;

  /** What the archive knows of one conversation's transcript. */
  public record ArchivedTranscript(
      String eventId,
      String tenantid,
      String conversationId,
      String archivedAt,
      int messageCount,
      String location) {}

  private final Map<String, ArchivedTranscript> byConversation =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArchivedTranscript> eldest) {
          return size() > RETAINED;
        }
      };

  @Override
  public String name() {
    return "transcript-archive";
  }

  /** Only touches memory: runs on the delivering thread. */
  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return TYPE.equals(event.type());
  }

  /** The data was validated against schemas/chat.transcript.archived/v1.json before this call. */
  @Override
  public void handle(CloudEvent event) {
    JsonNode data = event.data();
    ArchivedTranscript transcript =
        new ArchivedTranscript(
            event.id(),
            event.tenantid(),
            data.path("conversationId").asString(),
            data.path("archivedAt").asString(),
            data.path("messageCount").asInt(),
            data.path("location").asString());
    synchronized (byConversation) {
      byConversation.put(transcript.conversationId(), transcript);
    }
  }

  public Optional<ArchivedTranscript> find(String conversationId) {
    synchronized (byConversation) {
      return Optional.ofNullable(byConversation.get(conversationId));
    }
  }

  public int size() {
    synchronized (byConversation) {
      return byConversation.size();
    }
  }
}
