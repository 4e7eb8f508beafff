package dev.herald.api;

import java.util.List;
import java.util.stream.Collectors;

/** An event that does not pass validation: nothing was sent. */
public class InvalidEventException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidEventException(String id, List<Violation> violations) {
    super(
        "Event "
            + id
            + " is invalid: "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
