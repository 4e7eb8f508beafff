package dev.herald.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.schemas.TestCatalog;
import dev.herald.testing.TestEvents;
import dev.herald.tracing.Tracing;
import org.junit.jupiter.api.Test;

/** The version a published record names: the one the event names, else the latest. */
class SchemaVersionStampTest {

  private final KafkaEventPublisher publisher = new KafkaEventPublisher();

  SchemaVersionStampTest() {
    publisher.validator = TestCatalog.validator(TestEvents.TYPE);
    publisher.tracing = new Tracing();
  }

  @Test
  void anEventNamingNoVersionIsStampedWithTheLatest() {
    CloudEvent stamped = publisher.stamp(TestEvents.eventWithData(TestEvents.latestData()).build());

    assertThat(stamped.schemaversion()).isEqualTo("2");
    assertThat(publisher.validator.validate(stamped)).isEmpty();
  }

  @Test
  void anEventWhoseDataschemaNamesAnOlderVersionIsStampedWithThatVersion() {
    for (String dataschema :
        new String[] {
          "https://herald.dev/schemas/chat.message.received/v1.json", "https://example.com/chat/v1"
        }) {
      CloudEvent stamped =
          publisher.stamp(
              TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
                  .dataschema(dataschema)
                  .build());

      assertThat(stamped.schemaversion()).as(dataschema).isEqualTo("1");
      assertThat(publisher.validator.validate(stamped)).as(dataschema).isEmpty();
    }
  }

  @Test
  void anExplicitVersionOrAnUnknownDataschemaIsLeftForValidationToJudge() {
    CloudEvent explicit =
        TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
            .extension("schemaversion", "1")
            .build();
    CloudEvent unknown =
        TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
            .dataschema("https://example.com/v7.json")
            .build();

    assertThat(publisher.stamp(explicit)).isSameAs(explicit);
    assertThat(publisher.stamp(unknown)).isSameAs(unknown);
    assertThat(publisher.validator.validate(unknown))
        .singleElement()
        .satisfies(v -> assertThat(v.pointer()).isEqualTo("/dataschema"));
  }
}
