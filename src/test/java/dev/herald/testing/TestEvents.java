package dev.herald.testing;

import dev.herald.api.CloudEvent;
import dev.herald.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Events for tests, each with a fresh id; example data comes from {@code examples/<type>/}. */
public final class TestEvents {

  public static final String TYPE = "chat.message.received";
  public static final String TOPIC = "chat.message.received.v1";
  public static final String DLQ = "chat.message.received.v1.dlq";

  /** Every type Herald carries, as in microprofile-config.properties. */
  public static final List<String> TYPES =
      List.of(
          "chat.message.received",
          "chat.message.sent",
          "chat.message.delivered",
          "chat.conversation.started",
          "chat.conversation.ended",
          "chat.conversation.context_updated",
          "chat.user.session_started",
          "chat.user.session_ended",
          "system.health_check",
          "system.error",
          "integration.webhook.received",
          "integration.api_call",
          "analytics.conversation",
          "analytics.user_behavior");

  private TestEvents() {}

  public static String newId() {
    return "test-" + UUID.randomUUID();
  }

  /**
   * A valid {@code chat.message.received} event of the latest version (v2) as JSON, with extra
   * members inside data.
   */
  public static String chatMessage(String id, String tenant, String extraData) {
    return """
        {"specversion":"1.0","id":"%s","type":"%s","source":"/tests","tenantid":"%s",
         "data":{"messageId":"%s","conversationId":"conv-1","userId":"user-1","channel":"web",
                 "content":{"text":"hello"}%s}}"""
        .formatted(id, TYPE, tenant, id, extraData.isEmpty() ? "" : "," + extraData);
  }

  /** The data of a valid {@code chat.message.received} v1 event (content is a string), as JSON. */
  public static String chatMessageData(String messageId) {
    return """
        {"messageId":"%s","conversationId":"conv-1","userId":"user-1","channel":"web",
         "content":"hello"}"""
        .formatted(messageId);
  }

  /** An event of any type with its valid example data. */
  public static String example(String type, String id, String tenant) {
    return """
        {"specversion":"1.0","id":"%s","type":"%s","source":"/tests","tenantid":"%s","data":%s}"""
        .formatted(id, type, tenant, exampleData(type, "valid"));
  }

  /** An event of any type with its valid example data and extra members inside data. */
  public static String example(String type, String id, String tenant, String extraData) {
    String data = exampleData(type, "valid").trim();
    return "{\"specversion\":\"1.0\",\"id\":\"%s\",\"type\":\"%s\",\"source\":\"/tests\",\"tenantid\":\"%s\",\"data\":{%s,%s}"
        .formatted(id, type, tenant, extraData, data.substring(1));
  }

  /**
   * A JSON array of events {@code from} to {@code to - 1} of a type with its example data, with ids
   * {@code <run><n>}, over seven tenants.
   */
  public static String batch(String type, String run, int from, int to) {
    return java.util.stream.IntStream.range(from, to)
        .mapToObj(i -> example(type, run + i, "tenant-" + (i % 7)))
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  /** An event of the test type from {@code /tests} with {@code data}, for more attributes. */
  public static CloudEvent.Builder eventWithData(String data) {
    return CloudEvent.builder().type(TYPE).source("/tests").data(Json.MAPPER.readTree(data));
  }

  /** Data of the test type's latest version (v2: content is an object). */
  public static String latestData() {
    return exampleData(TYPE, "valid");
  }

  /** {@code examples/<type>/<name>.json}: "valid" or "invalid" data. */
  public static String exampleData(String type, String name) {
    return resource("examples/" + type + "/" + name + ".json");
  }

  /** Where the invalid example breaks its schema, as a JSON pointer into the data. */
  public static String invalidPointer(String type) {
    return resource("examples/" + type + "/invalid.pointer").trim();
  }

  private static String resource(String name) {
    try (InputStream in = TestEvents.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
