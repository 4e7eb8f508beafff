package dev.herald.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.events.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayRequestTest {

  @Test
  void aTimeRangeToOneHandlerIsRead() {
    ReplayRequest request =
        parse(
            """
            {"type": "chat.message.received", "from": "2026-11-25T10:00:00Z",
             "to": "2026-11-25T11:00:00+01:00", "handler": "audit"}""");

    assertThat(request.type()).isEqualTo("chat.message.received");
    assertThat(request.byTime()).isTrue();
    assertThat(request.from()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(request.to()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(request.handlers()).containsExactly("audit");
  }

  @Test
  void aTimeRangeMayBeOpenAtItsEndAndNameNoHandler() {
    ReplayRequest request =
        parse("{\"type\": \"system.error\", \"from\": \"2026-11-25T10:00:00.5Z\"}");

    assertThat(request.to()).isNull();
    assertThat(request.handlers()).isEmpty();
  }

  @Test
  void offsetsPerPartitionAndAListOfHandlersAreRead() {
    ReplayRequest request =
        parse(
            """
            {"type": "system.error", "offsets": {"0": {"from": 3, "to": 3}, "2": {"from": 0, "to": 9}},
             "handlers": ["audit", "analytics", "audit"]}""");

    assertThat(request.byTime()).isFalse();
    assertThat(request.offsets())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(0, new ReplayRequest.Offsets(3, 3), 2, new ReplayRequest.Offsets(0, 9)));
    assertThat(request.handlers()).containsExactly("audit", "analytics");
  }

  /** A bad request: what is wrong, the body, and what the message says. */
  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("not an object", "[]", "JSON object"),
        Arguments.of("no type", "{\"from\": \"2026-11-25T10:00:00Z\"}", "Name the event type"),
        Arguments.of(
            "type not a string",
            "{\"type\": 3, \"from\": \"2026-11-25T10:00:00Z\"}",
            "\"type\" must be a string"),
        Arguments.of("neither range nor offsets", "{\"type\": \"t\"}", "Give a time range"),
        Arguments.of(
            "both range and offsets",
            "{\"type\": \"t\", \"from\": \"2026-11-25T10:00:00Z\", \"offsets\": {\"0\": {\"from\": 0, \"to\": 1}}}",
            "not both"),
        Arguments.of(
            "to without from",
            "{\"type\": \"t\", \"to\": \"2026-11-25T10:00:00Z\"}",
            "needs \"from\""),
        Arguments.of(
            "unparsable from",
            "{\"type\": \"t\", \"from\": \"yesterday\"}",
            "\"from\" is 'yesterday', not an RFC 3339 time"),
        Arguments.of(
            "unparsable to",
            "{\"type\": \"t\", \"from\": \"2026-11-25T10:00:00Z\", \"to\": \"2026-11-25 11:00\"}",
            "not an RFC 3339 time"),
        Arguments.of(
            "inverted range",
            "{\"type\": \"t\", \"from\": \"2026-11-25T11:00:00Z\", \"to\": \"2026-11-25T10:00:00Z\"}",
            "inverted"),
        Arguments.of(
            "handler and handlers",
            "{\"type\": \"t\", \"from\": \"2026-11-25T10:00:00Z\", \"handler\": \"a\", \"handlers\": [\"b\"]}",
            "not both"),
        Arguments.of(
            "empty handlers",
            "{\"type\": \"t\", \"from\": \"2026-11-25T10:00:00Z\", \"handlers\": []}",
            "non-empty list"),
        Arguments.of(
            "handler not a string",
            "{\"type\": \"t\", \"from\": \"2026-11-25T10:00:00Z\", \"handlers\": [1]}",
            "handler names"),
        Arguments.of(
            "unknown member",
            "{\"type\": \"t\", \"from\": \"2026-11-25T10:00:00Z\", \"until\": \"x\"}",
            "Unknown member 'until'"),
        Arguments.of("empty offsets", "{\"type\": \"t\", \"offsets\": {}}", "non-empty object"),
        Arguments.of(
            "partition not a number",
            "{\"type\": \"t\", \"offsets\": {\"p0\": {\"from\": 0, \"to\": 1}}}",
            "'p0' is not a partition number"),
        Arguments.of(
            "negative partition",
            "{\"type\": \"t\", \"offsets\": {\"-1\": {\"from\": 0, \"to\": 1}}}",
            "not a partition number"),
        Arguments.of(
            "offset missing",
            "{\"type\": \"t\", \"offsets\": {\"0\": {\"from\": 0}}}",
            "Partition 0 needs \"to\""),
        Arguments.of(
            "offset not whole",
            "{\"type\": \"t\", \"offsets\": {\"0\": {\"from\": 0.5, \"to\": 1}}}",
            "Partition 0 needs \"from\""),
        Arguments.of(
            "negative offset",
            "{\"type\": \"t\", \"offsets\": {\"0\": {\"from\": -2, \"to\": 1}}}",
            "negative \"from\""),
        Arguments.of(
            "inverted offsets",
            "{\"type\": \"t\", \"offsets\": {\"1\": {\"from\": 5, \"to\": 4}}}",
            "partition 1 are inverted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestsAreRefusedWithWhatToSend(String what, String body, String message) {
    assertRefused(body).hasMessageContaining(message);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String body) {
    return assertThatThrownBy(() -> parse(body))
        .isInstanceOfSatisfying(
            ReplayRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReplayRefusedException.Reason.INVALID));
  }

  private static ReplayRequest parse(String json) {
    return ReplayRequest.parse(Json.MAPPER.readTree(json));
  }

  @Test
  void theHandlersListIsACopy() {
    List<String> names = new java.util.ArrayList<>(List.of("audit"));
    ReplayRequest request = new ReplayRequest("t", Instant.EPOCH, null, null, names);
    names.add("analytics");

    assertThat(request.handlers()).containsExactly("audit");
  }
}
