package dev.herald.rest;

import dev.herald.api.PublishReceipt;
import dev.herald.api.PublishResult;
import dev.herald.events.Json;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The bodies of publish responses, written field by field: a batch's thousand results would
 * otherwise go through JSON-B's reflection one by one. Fields in JSON-B's order (alphabetical),
 * absent fields left out, as the other responses are written.
 */
final class ReceiptBodies {

  private ReceiptBodies() {}

  static byte[] receipt(PublishReceipt receipt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator json = Json.MAPPER.createGenerator(out)) {
      stored(
          json,
          receipt.id(),
          receipt.offset(),
          receipt.partition(),
          receipt.topic(),
          receipt.type());
    }
    return out.toByteArray();
  }

  private static void stored(
      JsonGenerator json, String id, long offset, int partition, String topic, String type) {
    json.writeStartObject();
    json.writeStringProperty("id", id);
    json.writeNumberProperty("offset", offset);
    json.writeNumberProperty("partition", partition);
    json.writeStringProperty("topic", topic);
    json.writeStringProperty("type", type);
    json.writeEndObject();
  }

  /** {@code {"accepted": n, "results": [...]}} for a batch whose events were all stored. */
  static byte[] accepted(List<PublishResult> results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 128 * results.size());
    try (JsonGenerator json = Json.MAPPER.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberProperty("accepted", results.size());
      json.writeName("results");
      json.writeStartArray();
      for (PublishResult result : results) {
        stored(
            json, result.id(), result.offset(), result.partition(), result.topic(), result.type());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }
}
