package dev.herald.outbox;

import static dev.herald.api.CloudEventAttributes.PARTITIONKEY;
import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;
import static dev.herald.api.CloudEventAttributes.TENANTID;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import dev.herald.events.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events to rows and back. The row's {@code id} is the event id, {@code payload} its data, {@code
 * tenantid} and {@code schemaversion} have columns of their own, the other extensions are one JSON
 * object of strings in {@code extensions}. Read back, the event gets {@code partitionkey} = {@code
 * aggregateid} (the record key) unless the outbox is keyed by tenant.
 */
final class RowEvents {

  private RowEvents() {}

  static OutboxRow row(String aggregatetype, String aggregateid, CloudEvent event) {
    ObjectNode extensions = Json.MAPPER.createObjectNode();
    event.extensions().entrySet().stream()
        .filter(e -> !e.getKey().equals(TENANTID) && !e.getKey().equals(SCHEMAVERSION))
        .filter(e -> !e.getKey().equals(PARTITIONKEY))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> extensions.put(e.getKey(), e.getValue()));
    return new OutboxRow(
        0,
        event.id(),
        aggregatetype,
        aggregateid,
        event.type(),
        event.data() == null ? null : Json.MAPPER.writeValueAsString(event.data()),
        event.source(),
        event.time(),
        event.subject(),
        event.schemaversion(),
        event.tenantid(),
        extensions.isEmpty() ? null : extensions.toString(),
        null,
        OutboxRow.PENDING,
        0,
        null);
  }

  /**
   * The event a row holds.
   *
   * @param keyedByAggregate whether the record key is the row's {@code aggregateid}
   * @throws IllegalArgumentException when the payload or the extensions are not what they must be
   */
  static CloudEvent event(OutboxRow row, boolean keyedByAggregate) {
    for (String[] column :
        new String[][] {{"id", row.id()}, {"source", row.source()}, {"type", row.type()}}) {
      if (column[1] == null || column[1].isBlank()) {
        throw new IllegalArgumentException(column[0] + " is empty");
      }
    }
    CloudEvent.Builder builder =
        CloudEvent.builder()
            .id(row.id())
            .source(row.source())
            .type(row.type())
            .time(row.eventtime() != null ? row.eventtime() : utc(row))
            .subject(row.subject());
    if (row.extensions() != null && !row.extensions().isBlank()) {
      JsonNode extensions = parse(row.extensions(), "extensions");
      if (!extensions.isObject()) {
        throw new IllegalArgumentException(
            "extensions must be a JSON object of strings, got a JSON " + Json.kind(extensions));
      }
      for (Map.Entry<String, JsonNode> e : extensions.properties()) {
        if (!CloudEventAttributes.validExtensionName(e.getKey()) || !e.getValue().isString()) {
          throw new IllegalArgumentException(
              "extensions."
                  + e.getKey()
                  + " is not an extension attribute: names are lower-case letters and digits,"
                  + " values strings");
        }
        builder.extension(e.getKey(), e.getValue().asString());
      }
    }
    builder.tenantid(row.tenantid()).extension(SCHEMAVERSION, row.schemaversion());
    if (keyedByAggregate) {
      builder.extension(PARTITIONKEY, row.aggregateid());
    }
    if (row.payload() != null) {
      builder.data(parse(row.payload(), "payload"));
    }
    return builder.build();
  }

  private static OffsetDateTime utc(OutboxRow row) {
    return row.createdAt() == null ? null : row.createdAt().atOffset(ZoneOffset.UTC);
  }

  private static JsonNode parse(String text, String column) {
    try {
      return Json.parse(text.getBytes(StandardCharsets.UTF_8), column);
    } catch (Json.InvalidJsonException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
