package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
    EventRequest.Result result = EventRequest.read(json("[1]").get(0), "/7");

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
}
