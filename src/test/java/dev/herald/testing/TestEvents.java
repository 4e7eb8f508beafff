package dev.herald.testing;

import java.util.UUID;

/** Events for tests, each with a fresh id. */
public final class TestEvents {

  public static final String TYPE = "chat.message.received";
  public static final String TOPIC = "chat.message.received.v1";
  public static final String DLQ = "chat.message.received.v1.dlq";

  private TestEvents() {}

  public static String newId() {
    return "test-" + UUID.randomUUID();
  }

  /** A {@code chat.message.received} event as JSON, with extra members inside data. */
  public static String chatMessage(String id, String tenant, String extraData) {
    return """
        {"specversion":"1.0","id":"%s","type":"%s","source":"/tests","tenantid":"%s",
         "data":{"messageId":"%s","conversationId":"c-1","text":"hello"%s}}"""
        .formatted(id, TYPE, tenant, id, extraData.isEmpty() ? "" : "," + extraData);
  }
}
