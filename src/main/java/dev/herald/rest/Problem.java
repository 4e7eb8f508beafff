package dev.herald.rest;

import dev.herald.api.Violation;
import java.util.List;

/**
 * An RFC 9457 problem detail.
 *
 * @param errors for validation problems, each offending member as a JSON pointer and what is wrong
 */
public record Problem(
    String type, String title, int status, String detail, String instance, List<Violation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null);
  }

  public Problem withErrors(List<Violation> violations) {
    return new Problem(type, title, status, detail, instance, List.copyOf(violations));
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }
}
