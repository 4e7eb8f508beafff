package dev.herald.reliability;

import dev.herald.routing.EventOutcome;
import dev.herald.routing.HandlerResult;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Herald's headers on a dead-letter record, beside SmallRye's ({@code dead-letter-reason}, {@code
 * -cause}, {@code -exception-class-name}, {@code -topic}, {@code -partition}, {@code -offset}) and
 * the record's own key, value and headers.
 */
public final class DeadLetterHeaders {

  /**
   * {@code rejected} (not a valid event of the channel), {@code failed} (a handler failed) or
   * {@code error} (Herald itself failed while routing the event).
   */
  public static final String KIND = "herald-failure-kind";

  /** Comma-separated names of the handlers that failed. */
  public static final String FAILED_HANDLERS = "herald-failed-handlers";

  /** The most attempts any failed handler made. */
  public static final String ATTEMPTS = "herald-attempts";

  /** RFC 3339 instants of the first and the last failure. */
  public static final String FIRST_FAILURE = "herald-first-failure";

  public static final String LAST_FAILURE = "herald-last-failure";

  private DeadLetterHeaders() {}

  public static Metadata rejected(Instant at) {
    return single("rejected", at);
  }

  public static Metadata error(Instant at) {
    return single("error", at);
  }

  private static Metadata single(String kind, Instant at) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, KIND, kind);
    add(headers, ATTEMPTS, "1");
    add(headers, FIRST_FAILURE, at.toString());
    add(headers, LAST_FAILURE, at.toString());
    return metadata(headers);
  }

  public static Metadata failed(EventOutcome outcome) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, KIND, "failed");
    var failures = outcome.results().stream().filter(r -> !r.success()).toList();
    add(
        headers,
        FAILED_HANDLERS,
        failures.stream().map(HandlerResult::handler).collect(Collectors.joining(",")));
    add(
        headers,
        ATTEMPTS,
        Integer.toString(failures.stream().mapToInt(HandlerResult::attempts).max().orElse(1)));
    failures.stream()
        .map(HandlerResult::firstFailureAt)
        .filter(java.util.Objects::nonNull)
        .min(Instant::compareTo)
        .ifPresent(first -> add(headers, FIRST_FAILURE, first.toString()));
    failures.stream()
        .map(HandlerResult::lastFailureAt)
        .filter(java.util.Objects::nonNull)
        .max(Instant::compareTo)
        .ifPresent(last -> add(headers, LAST_FAILURE, last.toString()));
    return metadata(headers);
  }

  private static Metadata metadata(RecordHeaders headers) {
    return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
  }

  private static void add(RecordHeaders headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
