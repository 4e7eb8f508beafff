package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.Violation;
import dev.herald.config.PublishSettings;
import dev.herald.events.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** The limits of a published event's attributes, their number and the trace parent's format. */
class AttributeLimitsTest {

  private static final PublishSettings DEFAULTS = PublishSettings.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "type",
        "source",
        "subject",
        "dataschema",
        "tenantid",
        "correlationid",
        "causationid",
        "userid",
        "partitionkey",
        "myextension"
      })
  void anAttributeLongerThanTheLimitIsNamedWithTheLimitAndItsKey(String attribute) {
    ObjectNode event = valid();
    event.put(attribute, "x".repeat(257));

    assertThat(EventRequest.read(event).violations())
        .containsExactly(
            new Violation(
                "/" + attribute,
                "is 257 characters long, more than the 256 allowed"
                    + " (herald.publish.max-attribute-length)"));
  }

  @Test
  void anAttributeAtTheLimitIsKeptAndCharactersAreCountedNotBytes() {
    ObjectNode event = valid();
    event.put("subject", "x".repeat(256));
    event.put("tenantid", "\uD83D\uDE00".repeat(256)); // 256 characters, 512 UTF-16 units

    EventRequest.Result result = EventRequest.read(event);

    assertThat(result.valid()).as(result.violations().toString()).isTrue();
    assertThat(result.event().tenantid()).hasSize(512);
  }

  @Test
  void theLimitsAreTheSettingsAndABatchMemberIsPointedToByIndex() {
    PublishSettings tight = new PublishSettings(1_048_576, 16_777_216, 1000, 25, 1);
    ObjectNode event = valid();
    event.put("tenantid", "acme-corporation-worldwide");
    event.put("userid", "u");

    assertThat(EventRequest.read(event, "/3", tight).violations())
        .containsExactlyInAnyOrder(
            new Violation(
                "/3/tenantid",
                "is 26 characters long, more than the 25 allowed"
                    + " (herald.publish.max-attribute-length)"),
            new Violation(
                "/3",
                "the event has 2 extension attributes, more than the 1 allowed"
                    + " (herald.publish.max-extensions)"));
  }

  @Test
  void moreExtensionsThanTheLimitIsOneViolationOfTheEvent() {
    ObjectNode event = valid();
    for (int i = 0; i < DEFAULTS.maxExtensions(); i++) {
      event.put("ext" + i, "v");
    }
    assertThat(EventRequest.read(event).valid()).isTrue();

    event.put("onemore", "v");

    assertThat(EventRequest.read(event).violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.pointer()).isEmpty();
              assertThat(v.detail()).contains("33 extension attributes", "32 allowed");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"
      })
  void aW3cTraceParentIsKept(String traceparent) {
    ObjectNode event = valid();
    event.put("traceparent", traceparent);

    EventRequest.Result result = EventRequest.read(event);

    assertThat(result.valid()).as(result.violations().toString()).isTrue();
    assertThat(result.event().extension("traceparent")).isEqualTo(traceparent);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "trace-1",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-more",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
      })
  void anyOtherTraceParentIsAViolation(String traceparent) {
    ObjectNode event = valid();
    event.put("traceparent", traceparent);

    assertThat(EventRequest.read(event).violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.pointer()).isEqualTo("/traceparent");
              assertThat(v.detail()).startsWith("must be a W3C Trace Context traceparent");
            });
  }

  @Test
  void aTooLongTraceParentIsOneViolation() {
    ObjectNode event = valid();
    event.put("traceparent", "0".repeat(300));

    assertThat(EventRequest.read(event).violations())
        .singleElement()
        .extracting(Violation::detail)
        .asString()
        .startsWith("is 300 characters long");
  }

  private static ObjectNode valid() {
    return (ObjectNode)
        Json.MAPPER.readTree(
            """
            {"type":"chat.message.received","source":"/web","data":{}}""");
  }
}
