package dev.herald.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaBindingTest {

  private static final CloudEvent EVENT =
      new CloudEvent(
          "e-1",
          "/chat/web",
          "chat.message.received",
          "1.0",
          OffsetDateTime.parse("2026-11-25T10:15:30Z"),
          "conversation/7",
          "application/json",
          "https://herald.dev/schemas/chat.message.received/v1.json",
          Map.of(
              "tenantid", "acme",
              "correlationid", "corr-1",
              "causationid", "cause-1",
              "userid", "user-9",
              "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
              "sessionid", "s-3",
              "schemaversion", "1"),
          Json.MAPPER.createObjectNode().put("text", "héllo"));

  @Test
  void binaryModeRoundTripKeepsEveryAttributeAndTheData() throws Exception {
    Headers headers = KafkaBinding.headers(EVENT);

    assertThat(text(headers, "ce_id")).isEqualTo("e-1");
    assertThat(text(headers, "ce_tenantid")).isEqualTo("acme");
    assertThat(text(headers, "ce_sessionid")).isEqualTo("s-3");
    assertThat(text(headers, "ce_schemaversion")).isEqualTo("1");
    assertThat(text(headers, "ce_dataschema")).endsWith("/v1.json");
    assertThat(text(headers, "content-type")).isEqualTo("application/json");
    assertThat(KafkaBinding.decode(headers, KafkaBinding.value(EVENT))).isEqualTo(EVENT);
  }

  @Test
  void structuredModeIsRead() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", utf8("application/cloudevents+json; charset=UTF-8"));
    String value =
        """
        {"specversion":"1.0","id":"s-1","type":"chat.message.received","source":"/s",
         "tenantid":"acme","time":"2026-11-25T10:15:30Z","data":{"text":"hi"}}""";

    CloudEvent event = KafkaBinding.decode(headers, utf8(value));

    assertThat(event.id()).isEqualTo("s-1");
    assertThat(event.tenantid()).isEqualTo("acme");
    assertThat(event.data().get("text").stringValue()).isEqualTo("hi");
  }

  @Test
  void causedEventJoinsTheCorrelationAndNamesItsCause() {
    CloudEvent effect =
        CloudEvent.builder()
            .type("chat.message.sent")
            .source("/bot")
            .causedBy(EVENT)
            .data(Json.MAPPER.createObjectNode())
            .build();

    assertThat(effect.correlationid()).isEqualTo("corr-1");
    assertThat(effect.causationid()).isEqualTo("e-1");
    assertThat(effect.tenantid()).isEqualTo("acme");
    assertThat(effect.id()).isNotEqualTo("e-1");
    assertThat(effect.time()).isNotNull();
  }

  @Test
  void valueThatIsNotJsonIsRejectedWithTheParserMessage() {
    assertThatThrownBy(() -> KafkaBinding.decode(binaryHeaders(), utf8("{oops")))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith("record value is not JSON: ");
  }

  @Test
  void valueThatIsNotUtf8IsRejected() {
    assertThatThrownBy(
            () -> KafkaBinding.decode(binaryHeaders(), new byte[] {(byte) 0xC3, (byte) 0x28}))
        .hasMessage("record value is not UTF-8 text, so it cannot be JSON");
  }

  @Test
  void missingIdHeaderIsNamed() {
    RecordHeaders headers = binaryHeaders();
    headers.remove("ce_id");

    assertThatThrownBy(() -> KafkaBinding.decode(headers, utf8("{}")))
        .hasMessage("missing required CloudEvents header ce_id");
  }

  @Test
  void otherSpecVersionIsRejected() {
    RecordHeaders headers = binaryHeaders();
    headers.remove("ce_specversion");
    headers.add("ce_specversion", utf8("0.3"));

    assertThatThrownBy(() -> KafkaBinding.decode(headers, utf8("{}")))
        .hasMessage("unsupported CloudEvents header ce_specversion '0.3', expected 1.0");
  }

  @Test
  void badTimeIsRejected() {
    RecordHeaders headers = binaryHeaders();
    headers.add("ce_time", utf8("yesterday"));

    assertThatThrownBy(() -> KafkaBinding.decode(headers, utf8("{}")))
        .hasMessage("header ce_time 'yesterday' is not an RFC 3339 timestamp");
  }

  @Test
  void structuredModeArrayIsRejected() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", utf8("application/cloudevents+json"));

    assertThatThrownBy(() -> KafkaBinding.decode(headers, utf8("[1,2]")))
        .hasMessage("structured-mode record value is a JSON array, expected an object");
  }

  private static RecordHeaders binaryHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", utf8("1.0"));
    headers.add("ce_id", utf8("b-1"));
    headers.add("ce_type", utf8("chat.message.received"));
    headers.add("ce_source", utf8("/b"));
    return headers;
  }

  private static String text(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
