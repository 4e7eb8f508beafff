package dev.herald.rest;

import static dev.herald.api.CloudEventAttributes.DATASCHEMA;
import static dev.herald.api.CloudEventAttributes.HEADER_PREFIX;
import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;

import dev.herald.events.Json;
import dev.herald.schemas.EventSchema;
import dev.herald.schemas.EventValidator;
import dev.herald.schemas.TypeSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version's JSON Schema as the REST API serves it, saying which version it is and how an event
 * names it: the document with a {@code $comment} that says so, and headers for programs. The body
 * stays a JSON Schema that validates exactly as the catalog's file does ({@code $comment} is an
 * annotation).
 *
 * @param headers {@value #VERSION_HEADER} (the version), {@value #ATTRIBUTE_HEADER} (the
 *     CloudEvents attribute that carries it) and a {@code Link} to the schema's {@code $id} with
 *     {@code rel="canonical"}, the value {@code dataschema} may name
 */
record ServedSchema(JsonNode document, Map<String, String> headers) {

  static final String VERSION_HEADER = "Herald-Schema-Version";
  static final String ATTRIBUTE_HEADER = "Herald-Schema-Attribute";
  static final String COMMENT = "$comment";

  static ServedSchema of(TypeSchemas schemas, EventSchema schema) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(VERSION_HEADER, Integer.toString(schema.version()));
    headers.put(ATTRIBUTE_HEADER, SCHEMAVERSION);
    if (schema.id() != null) {
      headers.put("Link", "<" + schema.id() + ">; rel=\"canonical\"");
    }
    return new ServedSchema(withComment(schema.json(), comment(schemas, schema)), headers);
  }

  byte[] body() {
    return Json.bytes(document);
  }

  /**
   * For example: {@code chat.message.received v2 (the latest). Send its data with the CloudEvents
   * attribute schemaversion=2 (Kafka header ce_schemaversion: 2) or dataschema=<$id>: Herald reads
   * an event with neither as v1.}
   */
  static String comment(TypeSchemas schemas, EventSchema schema) {
    int version = schema.version();
    int latest = schemas.latest().version();
    return schemas.type()
        + " v"
        + version
        + (version == latest ? " (the latest)" : " (the latest is v" + latest + ")")
        + ". Send its data with the CloudEvents attribute "
        + SCHEMAVERSION
        + "="
        + version
        + " (Kafka header "
        + HEADER_PREFIX
        + SCHEMAVERSION
        + ": "
        + version
        + ")"
        + (schema.id() == null ? "" : " or " + DATASCHEMA + "=" + schema.id())
        + ": Herald reads an event with neither as v"
        + EventValidator.VERSION_IF_ABSENT
        + ".";
  }

  /** A copy with the comment right after {@code $id} (first when there is none). */
  static JsonNode withComment(JsonNode json, String comment) {
    if (!json.isObject()) {
      return json;
    }
    String existing = json.has(COMMENT) ? " " + json.get(COMMENT).asString() : "";
    ObjectNode copy = Json.MAPPER.createObjectNode();
    if (!json.has("$id")) {
      copy.put(COMMENT, comment + existing);
    }
    for (Entry<String, JsonNode> property : json.properties()) {
      if (!property.getKey().equals(COMMENT)) {
        copy.set(property.getKey(), property.getValue());
      }
      if (property.getKey().equals("$id")) {
        copy.put(COMMENT, comment + existing);
      }
    }
    return copy;
  }
}
