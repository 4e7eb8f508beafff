package dev.herald.reliability;

import dev.herald.api.EventOutcome;
import dev.herald.api.HandlerResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

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

  /** RFC 3339 instant of the original record (its Kafka timestamp), where it was consumed. */
  public static final String ORIGINAL_TIMESTAMP = "herald-original-timestamp";

  public static final String LAST_FAILURE = "herald-last-failure";

  private DeadLetterHeaders() {}

  /** The failure headers of a record that is not a valid event of its channel. */
  public static Headers rejected(Instant at) {
    return single("rejected", at);
  }

  /** The failure headers of a record whose handlers failed for good. */
  public static Headers failed(EventOutcome outcome) {
    RecordHeaders headers = new RecordHeaders();
    addFailure(headers, outcome, new RecordHeaders());
    return headers;
  }

  /** The headers of a record that failed once, at {@code at}, for a reason of {@code kind}. */
  public static RecordHeaders single(String kind, Instant at) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, KIND, kind);
    add(headers, ATTEMPTS, "1");
    add(headers, FIRST_FAILURE, at.toString());
    add(headers, LAST_FAILURE, at.toString());
    return headers;
  }

  /**
   * Adds the failure headers of an outcome whose handlers failed to {@code target}, counting the
   * attempts and the first failure that {@code earlier} headers (of a retry topic record) recorded.
   */
  public static void addFailure(Headers target, EventOutcome outcome, Headers earlier) {
    add(target, KIND, "failed");
    var failures = outcome.results().stream().filter(r -> !r.success()).toList();
    add(
        target,
        FAILED_HANDLERS,
        failures.stream().map(HandlerResult::handler).collect(Collectors.joining(",")));
    int attempts = failures.stream().mapToInt(HandlerResult::attempts).max().orElse(1);
    add(target, ATTEMPTS, Integer.toString(attempts + earlierAttempts(earlier)));
    Optional<String> earlierFirst = value(earlier, FIRST_FAILURE);
    earlierFirst
        .or(
            () ->
                failures.stream()
                    .map(HandlerResult::firstFailureAt)
                    .filter(Objects::nonNull)
                    .min(Instant::compareTo)
                    .map(Instant::toString))
        .ifPresent(first -> add(target, FIRST_FAILURE, first));
    failures.stream()
        .map(HandlerResult::lastFailureAt)
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .ifPresent(last -> add(target, LAST_FAILURE, last.toString()));
  }

  /** The last value of a header, as UTF-8 text. */
  public static Optional<String> value(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  private static int earlierAttempts(Headers earlier) {
    try {
      return value(earlier, ATTEMPTS).map(Integer::parseInt).orElse(0);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
