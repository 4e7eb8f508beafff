package dev.herald.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.problems.Problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

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
  void reportsEveryViolationWithItsPointer() {
    EventRequest.Result result =
        EventRequest.read(
            json(
                """
                {"specversion":"0.3","source":"  ","time":"noon","data":"text","Bad-Name":"x",
                 "subject":42}"""));

    assertThat(result.valid()).isFalse();
    assertThat(result.violations())
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder(
            "/specversion", "/type", "/source", "/time", "/data", "/Bad-Name", "/subject");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
