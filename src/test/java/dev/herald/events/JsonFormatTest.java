package dev.herald.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonFormatTest {

  private static final CloudEvent EVENT =
      new CloudEvent(
          "e-1",
          "/chat/web",
          "chat.message.received",
          "1.0",
          OffsetDateTime.parse("2026-11-25T10:15:00+01:00"),
          "conversation/7",
          null,
          "https://herald.dev/schemas/chat.message.received/v2.json",
          Map.of("tenantid", "acme", "schemaversion", "2"),
          Json.MAPPER.createObjectNode().put("text", "héllo"));

  @Test
  void theWholeEventIsOneJsonObjectWithItsDataAsJson() {
    JsonNode json = Json.parse(JsonFormat.text(EVENT).getBytes(StandardCharsets.UTF_8), "event");

    assertThat(json.get("specversion").stringValue()).isEqualTo("1.0");
    assertThat(json.get("id").stringValue()).isEqualTo("e-1");
    assertThat(json.get("datacontenttype").stringValue()).isEqualTo("application/json");
    assertThat(json.get("tenantid").stringValue()).isEqualTo("acme");
    assertThat(json.get("data").get("text").stringValue()).isEqualTo("héllo");
  }

  @Test
  void timeKeepsItsSecondsEvenWhenTheyAreZero() {
    JsonNode json = Json.parse(JsonFormat.text(EVENT).getBytes(StandardCharsets.UTF_8), "event");

    assertThat(json.get("time").stringValue()).isEqualTo("2026-11-25T10:15:00+01:00");
  }

  @Test
  void structuredModeReadsItBack() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));

    CloudEvent read =
        KafkaBinding.decode(headers, JsonFormat.text(EVENT).getBytes(StandardCharsets.UTF_8));

    assertThat(read.id()).isEqualTo(EVENT.id());
    assertThat(read.time()).isEqualTo(EVENT.time());
    assertThat(read.extensions()).isEqualTo(EVENT.extensions());
    assertThat(read.data()).isEqualTo(EVENT.data());
    assertThat(read.datacontenttype()).isEqualTo("application/json");
  }
}
