package dev.herald.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.CloudEvent;
import dev.herald.config.ConsumeSettings;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.schemas.TestCatalog;
import dev.herald.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The dead-letter reason of a record, from the bytes a plain Kafka producer sends. */
class EventReaderTest {

  private static final String CHANNEL = "chat-message-received";

  private final EventReader reader = new EventReader();

  EventReaderTest() {
    reader.channels =
        new EventChannels() {
          @Override
          public Optional<EventChannel> forChannel(String channel) {
            return Optional.of(
                new EventChannel(
                    TestEvents.TYPE,
                    CHANNEL,
                    TestEvents.TOPIC,
                    TestEvents.DLQ,
                    "herald-" + CHANNEL,
                    "tenantid"));
          }
        };
    reader.validator = TestCatalog.validator(TestEvents.TYPE);
    reader.settings = ConsumeSettings.defaults();
  }

  @Test
  void aRecordWithV2DataAndNoVersionIsRejectedWithTheRuleAndThenTheVersionToSend() {
    Headers headers = binary();

    assertThatThrownBy(() -> reader.read(CHANNEL, headers, bytes(TestEvents.latestData())))
        .isInstanceOf(EventRejectedException.class)
        .hasMessage(
            "Channel 'chat-message-received' rejected event e-1 (chat.message.received):"
                + " /data/content: object found, string expected (type); read as v1 because"
                + " ce_schemaversion is absent; the data matches v2: send ce_schemaversion=2");
  }

  @Test
  void theSameRecordWithItsVersionIsReadAsV2() throws Exception {
    Headers headers = binary();
    headers.add("ce_schemaversion", bytes("2"));

    CloudEvent event = reader.read(CHANNEL, headers, bytes(TestEvents.latestData()));

    assertThat(event.schemaversion()).isEqualTo("2");
    assertThat(event.data().get("content").get("text").isString()).isTrue();
  }

  @Test
  void aRecordWhoseDataschemaNamesV1IsReadAsV1AndUpcast() throws Exception {
    Headers headers = binary();
    headers.add("ce_dataschema", bytes("https://herald.dev/schemas/chat.message.received/v1.json"));

    CloudEvent event = reader.read(CHANNEL, headers, bytes(TestEvents.chatMessageData("m-1")));

    assertThat(event.schemaversion()).isEqualTo("2");
    assertThat(event.dataschema())
        .isEqualTo("https://herald.dev/schemas/chat.message.received/v2.json");
    assertThat(event.data().get("content").get("text").stringValue()).isEqualTo("hello");
  }

  @Test
  void aStructuredRecordIsToldTheAttributeRatherThanTheHeader() {
    Headers headers = new RecordHeaders();
    headers.add("content-type", bytes("application/cloudevents+json"));
    String value =
        """
        {"specversion":"1.0","id":"e-1","type":"chat.message.received","source":"/s",
         "schemaversion":"2","data":%s}"""
            .formatted(TestEvents.chatMessageData("m-1"));

    assertThatThrownBy(() -> reader.read(CHANNEL, headers, bytes(value)))
        .hasMessageContaining("/data/content: ")
        .hasMessageEndingWith(
            "; read as v2 from schemaversion=2; the data matches v1: send schemaversion=1");
  }

  @Test
  void dataThatMatchesNoVersionKeepsItsReasonAndSaysHowItWasRead() {
    String broken = TestEvents.chatMessageData("m-1").replace("\"web\"", "\"telegram\"");
    Headers explicit = binary();
    explicit.add("ce_schemaversion", bytes("1"));

    assertThatThrownBy(() -> reader.read(CHANNEL, explicit, bytes(broken)))
        .hasMessageEndingWith(
            "/data/channel: does not have a value in the enumeration"
                + " [\"web\", \"mobile\", \"sms\", \"whatsapp\", \"slack\", \"email\", \"api\"] (enum)");
    assertThatThrownBy(() -> reader.read(CHANNEL, binary(), bytes(broken)))
        .hasMessageContaining("/data/channel: ")
        .hasMessageEndingWith(
            "; read as v1 because ce_schemaversion is absent; it matches no other version either"
                + " (latest is v2: send ce_schemaversion=2 with v2 data)");
  }

  private static Headers binary() {
    Headers headers = new RecordHeaders();
    headers.add("ce_specversion", bytes("1.0"));
    headers.add("ce_id", bytes("e-1"));
    headers.add("ce_type", bytes(TestEvents.TYPE));
    headers.add("ce_source", bytes("/my-service"));
    headers.add("content-type", bytes("application/json"));
    return headers;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
