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
      json.writeStartObject();
      json.writeStringProperty("id", receipt.id());
      json.writeNumberProperty("offset", receipt.offset());
      json.writeNumberProperty("partition", receipt.partition());
      json.writeStringProperty("topic", receipt.topic());
      json.writeStringProperty("type", receipt.type());
      json.writeEndObject();
    }
    return out.toByteArray();
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
        json.writeStartObject();
        json.writeStringProperty("id", result.id());
        json.writeNumberProperty("offset", result.offset());
        json.writeNumberProperty("partition", result.partition());
        json.writeStringProperty("topic", result.topic());
        json.writeStringProperty("type", result.type());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }
}
