package dev.herald.stream;

import dev.herald.events.TypePattern;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asked to stream, checked: type patterns (all types when none), the tenant it named
 * (none: every tenant it may read) and where to resume (none: at the end of every partition).
 *
 * @param types the patterns; empty for every type
 * @param tenant the tenant asked for; null when none was
 * @param from the position of the last event the client got; null for a fresh stream
 */
public record StreamRequest(List<TypePattern> types, String tenant, Position from) {

  /** As many patterns as a webhook endpoint may have. */
  static final int MAX_TYPES = 64;

  /** As long as a webhook endpoint's tenant may be. */
  static final int MAX_TENANT = 256;

  public StreamRequest {
    types = List.copyOf(types);
  }

  /**
   * Reads the query and header values as they came; blank values count as absent.
   *
   * @param types comma-separated type patterns ({@code chat.*,system.error})
   * @param lastEventId the {@code Last-Event-ID} header, else the {@code lastEventId} query value
   * @throws StreamRefusedException (invalid) saying which value to fix
   */
  public static StreamRequest parse(String types, String tenant, String lastEventId) {
    return new StreamRequest(
        patterns(types),
        tenant(tenant),
        blank(lastEventId) ? null : Position.decode(lastEventId.strip()));
  }

  private static List<TypePattern> patterns(String types) {
    List<TypePattern> patterns = new ArrayList<>();
    if (blank(types)) {
      return patterns;
    }
    for (String part : types.split(",", -1)) {
      String pattern = part.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      if (patterns.size() == MAX_TYPES) {
        throw StreamRefusedException.invalid(
            "types has more than " + MAX_TYPES + " patterns: use prefixes such as chat.*");
      }
      try {
        patterns.add(new TypePattern(pattern));
      } catch (IllegalArgumentException e) {
        throw StreamRefusedException.invalid("types: " + e.getMessage());
      }
    }
    return patterns;
  }

  private static String tenant(String tenant) {
    if (blank(tenant)) {
      return null;
    }
    if (tenant.length() > MAX_TENANT) {
      throw StreamRefusedException.invalid(
          "tenant has " + tenant.length() + " characters; a tenant has at most " + MAX_TENANT);
    }
    if (tenant.chars().anyMatch(Character::isISOControl)) {
      throw StreamRefusedException.invalid("tenant holds a control character; no tenant does");
    }
    return tenant;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
