package dev.herald.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.FlakyHandler;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.ReplayWitness;
import dev.herald.testing.ReplayedEvents;
import dev.herald.testing.TestCollector;
import dev.herald.testing.TestCollector.ExportedSpan;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * One trace from the HTTP request to every handler call, read from the spans the server exports to
 * the tests' OTLP receiver; and the ids of an event on the log lines written while it is handled.
 */
@HeraldIT
class TraceIT {

  private static final Path MESSAGES =
      Path.of(
          System.getProperty("herald.wlp"),
          "usr/servers/"
              + System.getProperty("herald.server.name", "defaultServer")
              + "/logs/messages.log");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();
  private final TestCollector collector = TestCollector.get();

  @Test
  void aPublishContinuesTheCallersTraceDownToEachHandlerCall() {
    String traceId = randomHex(16);
    String callerSpan = randomHex(8);
    String id = TestEvents.newId();

    assertThat(
            herald
                .postJson(
                    "api/events",
                    TestEvents.chatMessage(id, "acme", ""),
                    "traceparent",
                    "00-" + traceId + "-" + callerSpan + "-01")
                .statusCode())
        .isEqualTo(202);
    herald.awaitOutcome(id);

    List<ExportedSpan> trace = awaitSpans(traceId, "handle audit");
    ExportedSpan request = only(trace, span -> span.kind().equals("SPAN_KIND_SERVER"));
    assertThat(request.parentSpanId()).isEqualTo(callerSpan);
    assertThat(request.service()).isEqualTo("herald");
    ExportedSpan send = only(trace, span -> span.name().equals("send chat.message.received.v1"));
    assertThat(send.kind()).isEqualTo("SPAN_KIND_PRODUCER");
    assertThat(send.parentSpanId()).isEqualTo(request.spanId());
    assertThat(send.attribute("cloudevents.event_id")).isEqualTo(id);
    ExportedSpan audit = only(trace, span -> span.name().equals("handle audit"));
    assertThat(audit.kind()).isEqualTo("SPAN_KIND_CONSUMER");
    assertThat(audit.parentSpanId()).isEqualTo(send.spanId());
    assertThat(audit.attribute("herald.handler")).isEqualTo("audit");
    assertThat(audit.attribute("herald.channel")).isEqualTo("chat-message-received");
    assertThat(audit.attribute("cloudevents.event_id")).isEqualTo(id);

    var record =
        TestKafka.awaitRecord(
            send.attribute("messaging.destination.name"),
            r -> TestKafka.header(r, "ce_id").equals(Optional.of(id)));
    assertThat(TestKafka.header(record, "traceparent"))
        .contains("00-" + traceId + "-" + send.spanId() + "-01");
    assertThat(TestKafka.header(record, "ce_traceparent"))
        .contains("00-" + traceId + "-" + send.spanId() + "-01");
  }

  @Test
  void aPublishWithoutTraceStartsOneAndEveryAttemptOfAFailingHandlerIsASpanOfIt()
      throws IOException {
    String id = TestEvents.newId();
    herald.postJson(
        "api/events",
        TestEvents.chatMessage(id, "acme", "\"" + FlakyHandler.TRANSIENT_FAILURES + "\":1"));
    herald.awaitOutcome(id);

    List<ExportedSpan> attempts =
        await("two attempts of the flaky handler exported")
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    collector.withAttribute("cloudevents.event_id", id).stream()
                        .filter(span -> span.name().equals("handle flaky"))
                        .toList(),
                spans -> spans.size() == 2);
    String traceId = attempts.get(0).traceId();
    List<ExportedSpan> trace = collector.trace(traceId);
    ExportedSpan send = only(trace, span -> span.name().startsWith("send "));
    assertThat(attempts)
        .allSatisfy(
            span -> {
              assertThat(span.traceId()).isEqualTo(traceId);
              assertThat(span.parentSpanId()).isEqualTo(send.spanId());
            })
        .anySatisfy(
            span -> {
              assertThat(span.attribute("herald.attempt")).isEqualTo("1");
              assertThat(span.error()).isTrue();
            })
        .anySatisfy(
            span -> {
              assertThat(span.attribute("herald.attempt")).isEqualTo("2");
              assertThat(span.error()).isFalse();
            });
    assertThat(trace).anyMatch(span -> span.kind().equals("SPAN_KIND_SERVER"));

    JsonObject line =
        await("the handler's log line in messages.log")
            .atMost(Duration.ofSeconds(30))
            .until(() -> logLine(id), Optional::isPresent)
            .orElseThrow();
    assertThat(line.getString("message")).contains("Flaky handler fails attempt 1");
    assertThat(line.getString("ext_traceId")).isEqualTo(traceId);
    assertThat(line.getString("ext_spanId"))
        .isIn(attempts.stream().map(ExportedSpan::spanId).toList());
    assertThat(line.getString("ext_eventType")).isEqualTo(TestEvents.TYPE);
    assertThat(line.getString("ext_tenant")).isEqualTo("acme");
    assertThat(line.getString("ext_handler")).isEqualTo("flaky");
    assertThat(line.getString("ext_channel")).isEqualTo("chat-message-received");
    assertThat(line.toString()).doesNotContain("conv-1").doesNotContain("hello");
  }

  @Test
  void handlerSpansAreChildrenOfThePublishWithSmallRyesOwnTracingOnToo() {
    String traceId = randomHex(16);
    String id = TestEvents.newId();
    herald.postJson(
        "api/events",
        TestEvents.example("system.health_check", id, "acme"),
        "traceparent",
        "00-" + traceId + "-" + randomHex(8) + "-01");
    herald.awaitOutcome(id);

    List<ExportedSpan> trace = awaitSpans(traceId, "handle audit");
    ExportedSpan send = only(trace, span -> span.name().startsWith("send system.health_check"));
    ExportedSpan audit = only(trace, span -> span.name().equals("handle audit"));
    assertThat(audit.parentSpanId()).isEqualTo(send.spanId());
    assertThat(audit.attribute("herald.channel")).isEqualTo("system-health-check");
  }

  @Test
  void aReplayedEventIsHandledInANewTraceLinkedToItsFirst() {
    String traceId = randomHex(16);
    String id = TestEvents.newId();
    JsonObject receipt =
        HeraldClient.json(
            herald
                .postJson(
                    "api/events",
                    TestEvents.chatMessage(
                        id, "acme", "\"" + ReplayedEvents.RUN + "\":\"" + id + "\""),
                    "traceparent",
                    "00-" + traceId + "-" + randomHex(8) + "-01")
                .body());
    herald.awaitOutcome(id);
    int partition = receipt.getInt("partition");
    long offset = receipt.getJsonNumber("offset").longValue();

    var started =
        herald.postJson(
            "api/replays",
            """
            {"type": "%s", "offsets": {"%d": {"from": %d, "to": %d}}, "handler": "%s"}"""
                .formatted(TestEvents.TYPE, partition, offset, offset, ReplayWitness.NAME));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

    ExportedSpan replayed =
        await("the replayed handler call's span")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    collector.withAttribute("cloudevents.event_id", id).stream()
                        .filter(span -> "true".equals(span.attribute("herald.replay")))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(replayed.name()).isEqualTo("handle " + ReplayWitness.NAME);
    assertThat(replayed.traceId()).isNotEqualTo(traceId);
    assertThat(replayed.parentSpanId()).isEmpty();
    assertThat(replayed.linkedTraceIds()).containsExactly(traceId);
  }

  private List<ExportedSpan> awaitSpans(String traceId, String spanName) {
    return await("the trace's spans down to '" + spanName + "'")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> collector.trace(traceId),
            spans -> spans.stream().anyMatch(span -> span.name().equals(spanName)));
  }

  private static ExportedSpan only(
      List<ExportedSpan> spans, java.util.function.Predicate<ExportedSpan> matching) {
    List<ExportedSpan> found = spans.stream().filter(matching).toList();
    assertThat(found).as("spans of %s", spans).hasSize(1);
    return found.get(0);
  }

  private static Optional<JsonObject> logLine(String eventId) throws IOException {
    if (!Files.exists(MESSAGES)) {
      return Optional.empty();
    }
    return new String(Files.readAllBytes(MESSAGES), StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.startsWith("{") && line.contains(eventId))
        .map(line -> Json.createReader(new StringReader(line)).readObject())
        .filter(json -> eventId.equals(json.getString("ext_eventId", null)))
        .findFirst();
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1;
    return HexFormat.of().formatHex(random);
  }
}
