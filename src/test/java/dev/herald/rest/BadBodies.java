package dev.herald.rest;

import dev.herald.events.Json;
import dev.herald.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies that no route may take: each named, as bytes. */
final class BadBodies {

  /** Over every body limit but the batch's (1 MiB for an event or a schema, 64 KiB for others). */
  static final int LARGE = 1_572_864;

  /** Over the batch limit, herald.publish.max-batch-bytes (16 MiB). */
  static final int LARGER_THAN_A_BATCH = 16 * 1_048_576 + 1024;

  private static final List<String> WRONG_TYPES =
      List.of("42", "-1.5e300", "true", "false", "[]", "[\"x\"]", "[42]", "{}", "{\"a\":1}");

  private BadBodies() {}

  /** Bad for every route: not JSON, not UTF-8, too deep, too large, or not an object or array. */
  static Map<String, byte[]> anyRoute() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("empty", new byte[0]);
    text(bodies, "whitespace", " \r\n\t ");
    text(bodies, "truncated object", "{\"type\": \"chat.message.received\", \"source\":");
    text(bodies, "truncated string", "{\"type\": \"chat.mess");
    text(bodies, "truncated array", "[{\"type\": 1}, {");
    text(bodies, "trailing garbage", "{} x");
    text(bodies, "a comment", "// hello\n{}");
    text(bodies, "single quotes", "{'type': 'x'}");
    text(bodies, "NaN", "{\"a\": NaN}");
    text(bodies, "leading zero", "[01]");
    text(bodies, "JSON null", "null");
    text(bodies, "JSON number", "42");
    text(bodies, "JSON string", "\"chat.message.received\"");
    text(bodies, "JSON boolean", "true");
    text(bodies, "array of a number", "[1]");
    text(bodies, "array of null", "[null]");
    bodies.put(
        "not UTF-8 in a string",
        concat("{\"type\": \"", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\"}"));
    bodies.put("not UTF-8 at all", new byte[] {(byte) 0x80, (byte) 0x81, (byte) 0xFE, 0x7B});
    text(bodies, "20,000 nested arrays", "[".repeat(20_000) + "]".repeat(20_000));
    text(bodies, "20,000 nested objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
    text(bodies, "a 1.5 MiB string", "{\"type\": \"" + "x".repeat(LARGE) + "\"}");
    text(bodies, "a 2,000-digit number", "{\"a\": " + "9".repeat(2000) + "}");
    return bodies;
  }

  /** POST /api/events: a valid event but one member of the wrong JSON type, null, or too large. */
  static Map<String, byte[]> event() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String member :
        List.of(
            "id",
            "type",
            "source",
            "specversion",
            "time",
            "subject",
            "datacontenttype",
            "dataschema",
            "tenantid",
            "schemaversion",
            "data")) {
      for (String value : WRONG_TYPES) {
        if (!member.equals("data") || !value.startsWith("{")) {
          bodies.put(member + " = " + value, event(member, value));
        }
      }
    }
    for (String required : List.of("type", "source", "data")) {
      bodies.put(required + " = null", event(required, "null"));
    }
    bodies.put("data = {}", event("data", "{}"));
    bodies.put("an unknown type", event("type", "\"no.such.type\""));
    bodies.put("time not RFC 3339", event("time", "\"noon\""));
    bodies.put("an extension name with capitals", event("Tenant-Id", "\"acme\""));
    // over herald.publish.max-attribute-length (256 characters)
    for (String attribute :
        List.of("id", "source", "subject", "tenantid", "correlationid", "traceparent", "custom")) {
      bodies.put("a 257-character " + attribute, event(attribute, "\"" + "a".repeat(257) + "\""));
    }
    bodies.put("a 600 KB tenant", event("tenantid", "\"" + "t".repeat(600_000) + "\""));
    bodies.put(
        "a traceparent that is not W3C Trace Context",
        event("traceparent", "\"00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01\""));
    bodies.put("33 extensions", withExtensions(33));
    bodies.put("a record over max.request.size", recordOverMaxRequestSize());
    String event = TestEvents.chatMessage("bad-input-deep", "acme", "");
    text(
        bodies,
        "data 2,000 levels deep",
        event.substring(0, event.indexOf("\"data\""))
            + "\"data\": "
            + "{\"a\":".repeat(2_000)
            + "1"
            + "}".repeat(2_001));
    return bodies;
  }

  /** POST /api/events/batch: each bad event alone in a batch, and a batch over its limits. */
  static Map<String, byte[]> batch() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    event()
        .forEach(
            (name, event) -> {
              if (event.length < 100_000) {
                bodies.put("[" + name + "]", concat("[", event, "]"));
              }
            });
    text(bodies, "[{}]", "[{}]");
    text(
        bodies,
        "1,001 events",
        "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]");
    text(bodies, "a 16 MiB batch", "[\"" + "x".repeat(LARGER_THAN_A_BATCH) + "\"]");
    return bodies;
  }

  /** POST /api/replays: members of the wrong JSON type beside a valid range. */
  static Map<String, byte[]> replay() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    String valid = "{\"type\": \"chat.message.received\", \"from\": \"2026-01-01T00:00:00Z\"}";
    for (String member : List.of("type", "from", "to", "offsets", "handler", "handlers")) {
      for (String value : WRONG_TYPES) {
        bodies.put(member + " = " + value, with(valid, member, value));
      }
    }
    bodies.put("type = null", with(valid, "type", "null"));
    bodies.put("an unknown member", with(valid, "nope", "1"));
    bodies.put("an inverted range", with(valid, "to", "\"2025-01-01T00:00:00Z\""));
    bodies.put(
        "offsets out of int",
        utf8(
            "{\"type\": \"chat.message.received\", \"offsets\": {\"99999999999\": {\"from\": 0,"
                + " \"to\": 1}}}"));
    bodies.put(
        "offsets as text",
        utf8(
            "{\"type\": \"chat.message.received\", \"offsets\": {\"0\": {\"from\": \"0\","
                + " \"to\": 1e400}}}"));
    return bodies;
  }

  /** The dead-letter filters: members of the wrong JSON type, unknown or missing ones. */
  static Map<String, byte[]> filter(String valid, List<String> members) {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String member : members) {
      for (String value : WRONG_TYPES) {
        bodies.put(member + " = " + value, with(valid, member, value));
      }
    }
    bodies.put("an unknown member", with(valid, "nope", "\"x\""));
    bodies.put("an unknown type", with(valid, "type", "\"no.such.type\""));
    bodies.put("type = null", with(valid, "type", "null"));
    return bodies;
  }

  /** POST /api/schemas/{type}/check: schemas that point elsewhere or cannot be compiled. */
  static Map<String, byte[]> schemaCheck() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    text(bodies, "a remote $ref", "{\"$ref\": \"http://example.com/x.json\"}");
    text(bodies, "an unroutable $ref", "{\"$ref\": \"https://10.255.255.1/schema.json\"}");
    text(bodies, "a file $ref", "{\"$ref\": \"file:///etc/passwd\"}");
    text(
        bodies,
        "a classpath $ref",
        "{\"$ref\": \"classpath:META-INF/microprofile-config.properties\"}");
    text(bodies, "a remote $schema", "{\"$schema\": \"http://example.com/meta.json\"}");
    text(
        bodies,
        "a relative $ref after a remote $id",
        "{\"$id\": \"http://example.com/a\", \"$ref\": \"b.json\"}");
    text(
        bodies,
        "a remote $ref in the envelope",
        "{\"schema\": {\"$ref\": \"http://example.com/x.json\"}}");
    text(bodies, "an unresolvable local $ref", "{\"$ref\": \"#/nope\"}");
    text(bodies, "a bad pattern", "{\"pattern\": \"(\"}");
    text(bodies, "499 nested nots", "{\"not\": ".repeat(499) + "{}" + "}".repeat(499));
    text(bodies, "schema = 42", "{\"schema\": 42}");
    text(bodies, "schema = null", "{\"schema\": null}");
    text(bodies, "upcast = 42", "{\"schema\": {}, \"upcast\": 42}");
    text(bodies, "upcast = null", "{\"schema\": {}, \"upcast\": null}");
    text(bodies, "upcast of an unknown op", "{\"schema\": {}, \"upcast\": [{\"op\": \"nope\"}]}");
    text(bodies, "upcast of a number", "{\"schema\": {}, \"upcast\": [42]}");
    return bodies;
  }

  private static byte[] withExtensions(int count) {
    ObjectNode node =
        (ObjectNode)
            Json.MAPPER.readTree(TestEvents.chatMessage("bad-input-extensions", "acme", ""));
    for (int i = 0; i < count; i++) {
      node.put("ext" + i, "x");
    }
    return Json.bytes(node);
  }

  /**
   * Within the body limit (1 MiB) and every attribute limit, but the record is larger than the
   * producer's max.request.size (1 MiB): the tenant counts twice (header and key), and the id and
   * time Herald adds count too.
   */
  private static byte[] recordOverMaxRequestSize() {
    String tenant = "t".repeat(256);
    String template =
        TestEvents.chatMessage("bad-input-record-size", tenant, "\"padding\": \"%s\"");
    int padding = 1_048_576 - 64 - utf8(template.formatted("")).length;
    return utf8(template.formatted("p".repeat(padding)));
  }

  private static byte[] event(String member, String value) {
    return with(TestEvents.chatMessage("bad-input-" + member, "acme", ""), member, value);
  }

  private static byte[] with(String json, String member, String value) {
    ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
    JsonNode parsed = Json.MAPPER.readTree(value);
    node.set(member, parsed);
    return Json.bytes(node);
  }

  private static void text(Map<String, byte[]> bodies, String name, String text) {
    bodies.put(name, utf8(text));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    List<byte[]> parts = new ArrayList<>(List.of(utf8(before), middle, utf8(after)));
    int length = parts.stream().mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
