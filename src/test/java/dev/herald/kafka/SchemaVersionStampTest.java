package dev.herald.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.events.Json;
import dev.herald.schemas.TestCatalog;
import dev.herald.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** The version a published record names: the one the event names, else the latest. */
class SchemaVersionStampTest {

  private final KafkaEventPublisher publisher = new KafkaEventPublisher();

  SchemaVersionStampTest() {
    publisher.catalog = TestCatalog.catalog(TestEvents.TYPE);
    publisher.validator = TestCatalog.validator(TestEvents.TYPE);
  }

  @Test
  void anEventNamingNoVersionIsStampedWithTheLatest() {
    CloudEvent stamped = publisher.stamp(event(v2Data()).build());

    assertThat(stamped.schemaversion()).isEqualTo("2");
    assertThat(publisher.validator.validate(stamped)).isEmpty();
  }

  @Test
  void anEventWhoseDataschemaNamesAnOlderVersionIsStampedWithThatVersion() {
    for (String dataschema :
        new String[] {
          "https://herald.dev/schemas/chat.message.received/v1.json", "https://example.com/chat/v1"
        }) {
      CloudEvent stamped = publisher.stamp(event(v1Data()).dataschema(dataschema).build());

      assertThat(stamped.schemaversion()).as(dataschema).isEqualTo("1");
      assertThat(publisher.validator.validate(stamped)).as(dataschema).isEmpty();
    }
  }

  @Test
  void anExplicitVersionOrAnUnknownDataschemaIsLeftForValidationToJudge() {
    CloudEvent explicit = event(v1Data()).extension("schemaversion", "1").build();
    CloudEvent unknown = event(v1Data()).dataschema("https://example.com/v7.json").build();

    assertThat(publisher.stamp(explicit)).isSameAs(explicit);
    assertThat(publisher.stamp(unknown)).isSameAs(unknown);
    assertThat(publisher.validator.validate(unknown))
        .singleElement()
        .satisfies(v -> assertThat(v.pointer()).isEqualTo("/dataschema"));
  }

  private static CloudEvent.Builder event(String data) {
    return CloudEvent.builder()
        .type(TestEvents.TYPE)
        .source("/tests")
        .data(Json.MAPPER.readTree(data));
  }

  private static String v1Data() {
    return TestEvents.chatMessageData("m-1");
  }

  private static String v2Data() {
    return TestEvents.exampleData(TestEvents.TYPE, "valid");
  }
}
