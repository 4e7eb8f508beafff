package dev.herald.deadletters;

import dev.herald.reliability.DeadLetterHeaders;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a redriven record: the dead letter's own ({@code ce_*}, {@code content-type} and
 * whatever its producer set), without what a dead-letter queue, Herald or a retry topic added, and
 * {@value #REDRIVEN_FROM} naming the dead letter. A record redriven, dead-lettered and redriven
 * again so carries one set of Herald's headers, never more.
 */
public final class RedriveHeaders {

  /** The id of the dead letter a record was redriven from. */
  public static final String REDRIVEN_FROM = "herald-redriven-from";

  /**
   * Prefixes of headers that describe a failure or a retry rather than the event: SmallRye's
   * dead-letter queue ({@code dead-letter-reason}, ...), Herald's ({@code herald-failure-kind},
   * {@code herald-retry-stage}, {@code herald-origin-topic}, ...), SmallRye's delayed retries.
   */
  static final List<String> STRIPPED = List.of("dead-letter-", "herald-", "delayed-retry-");

  private RedriveHeaders() {}

  public static Headers forRedrive(Headers deadLetter, EntryId from) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : deadLetter) {
      if (!stripped(header.key())) {
        headers.add(header);
      }
    }
    DeadLetterHeaders.add(headers, REDRIVEN_FROM, from.toString());
    return headers;
  }

  static boolean stripped(String key) {
    return STRIPPED.stream().anyMatch(key::startsWith);
  }
}
