package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.config.PublishSettings;
import dev.herald.events.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventRequestTest {

  @Test
  void fillsInIdTimeAndSpecVersion() {
    EventRequest.Result result =
        EventRequest.read(
            json(
                """
                {"type":"chat.message.received","source":"/web","tenantid":"acme",
                 "correlationid":"c-1","data":{"text":"hi"}}"""));

    assertThat(result.valid()).isTrue();
    CloudEvent event = result.event();
    assertThat(event.id()).isNotBlank();
    assertThat(event.time()).isNotNull();
    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.tenantid()).isEqualTo("acme");
    assertThat(event.correlationid()).isEqualTo("c-1");
  }

  @Test
  void keepsAGivenIdAndExtensions() {
    EventRequest.Result result =
        EventRequest.read(
            json(
                """
                {"id":"given","type":"t.x.happened","source":"/s","sessionid":"s-1","data":{}}"""));

    assertThat(result.event().id()).isEqualTo("given");
    assertThat(result.event().extensions()).containsEntry("sessionid", "s-1");
  }

  @Test
  void batchMembersArePointedToByIndex() {
    EventRequest.Result result =
        EventRequest.read(json("[1]").get(0), "/7", PublishSettings.defaults());

    assertThat(result.violations())
        .containsExactly(new Violation("/7", "an event is a JSON object, got a JSON number"));
  }

  @Test
  void reportsEveryViolationWithItsPointer() {
    EventRequest.Result result =
        EventRequest.read(
            json(
                """
                {"specversion":"0.3","source":"  ","time":"noon","Bad-Name":"x",
                 "subject":42}"""));

    assertThat(result.valid()).isFalse();
    assertThat(result.violations())
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder(
            "/specversion", "/type", "/source", "/time", "/data", "/Bad-Name", "/subject");
  }

  private static JsonNode json(String text) {
    return Json.MAPPER.readTree(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"type", "source"})
  void aNullRequiredAttributeIsRequiredNotAnError(String attribute) {
    ObjectNode event = valid();
    event.putNull(attribute);

    EventRequest.Result result = EventRequest.read(event);

    assertThat(result.violations())
        .containsExactly(new Violation("/" + attribute, "is required, got null"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "specversion",
        "time",
        "subject",
        "datacontenttype",
        "dataschema",
        "tenantid",
        "schemaversion"
      })
  void aNullOptionalAttributeIsLeftOut(String attribute) {
    ObjectNode event = valid();
    event.putNull(attribute);

    EventRequest.Result result = EventRequest.read(event);

    assertThat(result.valid()).as(result.violations().toString()).isTrue();
    String value = result.event().attribute(attribute);
    switch (attribute) {
      case "id", "time" -> assertThat(value).as("filled in").isNotBlank();
      case "specversion" -> assertThat(value).isEqualTo("1.0");
      case "datacontenttype" -> assertThat(value).isEqualTo("application/json");
      default -> assertThat(value).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "type",
        "source",
        "specversion",
        "time",
        "subject",
        "datacontenttype",
        "dataschema",
        "tenantid"
      })
  void anAttributeOfAnotherJsonTypeIsAViolation(String attribute) {
    for (String value : List.of("42", "1.5", "true", "[]", "[\"x\"]", "{}", "{\"a\":1}")) {
      ObjectNode event = valid();
      event.set(attribute, json(value));

      EventRequest.Result result = EventRequest.read(event);

      assertThat(result.violations())
          .as(attribute + ": " + value)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.pointer()).isEqualTo("/" + attribute);
                assertThat(v.detail()).startsWith("must be a string, got a JSON ");
              });
    }
  }

  @Test
  void dataOfAnyJsonTypeIsLeftToTheSchema() {
    for (String value : List.of("null", "42", "\"text\"", "true", "[]", "[1]")) {
      ObjectNode event = valid();
      event.set("data", json(value));

      assertThat(EventRequest.read(event).valid()).as(value).isTrue();
    }
  }

  @Test
  void anEventThatIsNotAnObjectIsOneViolation() {
    for (String value : List.of("null", "42", "\"x\"", "true", "[]", "[{}]")) {
      assertThat(EventRequest.read(json(value)).violations())
          .as(value)
          .singleElement()
          .extracting(Violation::pointer)
          .isEqualTo("");
    }
  }

  private static ObjectNode valid() {
    return (ObjectNode)
        json(
            """
            {"type":"chat.message.received","source":"/web","data":{}}""");
  }
}
