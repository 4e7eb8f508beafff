package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import dev.herald.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * How an event's version is determined, and what a rejection says when the data fits another
 * version than the one it was read as.
 */
class EventValidatorTest {

  private static final String V1_ID = "https://herald.dev/schemas/chat.message.received/v1.json";
  private static final String V2_ID = "https://herald.dev/schemas/chat.message.received/v2.json";

  private final EventValidator validator = TestCatalog.validator(TestEvents.TYPE, "system.error");

  @Test
  void anEventWithoutVersionIsReadAsV1AndV2DataIsRejected() {
    CloudEvent v2Data = TestEvents.eventWithData(TestEvents.latestData()).build();

    assertThat(
            validator.validate(TestEvents.eventWithData(TestEvents.chatMessageData("m-1")).build()))
        .isEmpty();
    assertThat(validator.validate(v2Data))
        .extracting(Violation::pointer)
        .containsExactly("/data/content");
  }

  @Test
  void dataschemaNamesTheVersionByIdOrByAUriEndingInTheVersion() {
    for (String dataschema :
        new String[] {V2_ID, "https://example.com/schemas/v2", "urn:chat:v2.json"}) {
      CloudEvent event =
          TestEvents.eventWithData(TestEvents.latestData()).dataschema(dataschema).build();

      assertThat(validator.validate(event)).as(dataschema).isEmpty();
      assertThat(validator.namedVersion(event)).as(dataschema).hasValue(2);
    }
    assertThat(
            validator.validate(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
                    .dataschema(V1_ID)
                    .build()))
        .isEmpty();
  }

  @Test
  void schemaversionWinsOverDataschema() {
    CloudEvent event =
        TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
            .dataschema(V2_ID)
            .extension("schemaversion", "1")
            .build();

    assertThat(validator.validate(event)).isEmpty();
    assertThat(validator.namedVersion(event)).hasValue(1);
  }

  @Test
  void anEventNamingNoKnownVersionHasNoNamedVersion() {
    assertThat(
            validator.namedVersion(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1")).build()))
        .isEmpty();
    assertThat(
            validator.namedVersion(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
                    .dataschema("https://e.com/v7.json")
                    .build()))
        .isEmpty();
    assertThat(
            validator.validate(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
                    .dataschema("https://e.com/v7.json")
                    .build()))
        .extracting(Violation::toString)
        .containsExactly(
            "/dataschema: 'https://e.com/v7.json' names no version of chat.message.received;"
                + " known versions: [1, 2]");
  }

  @Test
  void v2DataWithoutVersionIsToldToSendTheVersion() {
    CloudEvent event = TestEvents.eventWithData(TestEvents.latestData()).build();

    assertThat(validator.versionHint(event, "ce_"))
        .hasValue(
            "read as v1 because ce_schemaversion is absent; the data matches v2: send"
                + " ce_schemaversion=2");
    assertThat(validator.versionHint(event, ""))
        .hasValue(
            "read as v1 because schemaversion is absent; the data matches v2: send"
                + " schemaversion=2");
  }

  @Test
  void dataOfAnotherVersionThanTheNamedOneIsToldWhichItMatches() {
    assertThat(
            validator.versionHint(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
                    .extension("schemaversion", "2")
                    .build(),
                "ce_"))
        .hasValue(
            "read as v2 from ce_schemaversion=2; the data matches v1: send ce_schemaversion=1");
    assertThat(
            validator.versionHint(
                TestEvents.eventWithData(TestEvents.latestData()).dataschema(V1_ID).build(), "ce_"))
        .hasValue(
            "read as v1 from ce_dataschema="
                + V1_ID
                + "; the data matches v2: send ce_dataschema="
                + V2_ID
                + " (or ce_schemaversion=2)");
  }

  @Test
  void dataThatMatchesNoVersionGetsNoMatchButSaysHowItWasRead() {
    String broken = TestEvents.latestData().replace("\"web\"", "\"telegram\"");

    assertThat(validator.versionHint(TestEvents.eventWithData(broken).build(), "ce_"))
        .hasValue(
            "read as v1 because ce_schemaversion is absent; it matches no other version either"
                + " (latest is v2: send ce_schemaversion=2 with v2 data)");
    assertThat(
            validator.versionHint(
                TestEvents.eventWithData(broken).extension("schemaversion", "2").build(), "ce_"))
        .isEmpty();
  }

  @Test
  void aTypeWithOneVersionOrAnEventWithAnotherProblemGetsNoHint() {
    CloudEvent error =
        CloudEvent.builder()
            .type("system.error")
            .source("/t")
            .data(Json.MAPPER.readTree("{}"))
            .build();

    assertThat(validator.validate(error)).isNotEmpty();
    assertThat(validator.versionHint(error, "ce_")).isEmpty();
    assertThat(
            validator.versionHint(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1")).build(), "ce_"))
        .isEmpty();
    assertThat(
            validator.versionHint(
                TestEvents.eventWithData(TestEvents.chatMessageData("m-1"))
                    .extension("schemaversion", "9")
                    .build(),
                "ce_"))
        .isEmpty();
    assertThat(
            validator.versionHint(
                TestEvents.eventWithData("[]")
                    .type(TestEvents.TYPE)
                    .extension("schemaversion", "1")
                    .build(),
                "ce_"))
        .isEmpty();
  }
}
