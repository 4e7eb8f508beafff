package dev.herald.schemas.compatibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Which earlier versions a new schema version must stay compatible with, and in which direction.
 */
public enum CompatibilityPolicy {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** New readers must read old data. */
  private final boolean backward;

  /** Old readers must read new data. */
  private final boolean forward;

  /** Against every earlier version, not only the latest. */
  private final boolean transitive;

  CompatibilityPolicy(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /**
   * Parses "backward", "BACKWARD_TRANSITIVE", "full-transitive" etc.
   *
   * @throws IllegalArgumentException listing the valid names otherwise
   */
  public static CompatibilityPolicy parse(String name) {
    if (name != null) {
      String normalized = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (CompatibilityPolicy policy : values()) {
        if (policy.name().equals(normalized)) {
          return policy;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown compatibility policy '"
            + name
            + "'; valid policies are "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + " (any case, '-' or '_')");
  }

  /**
   * Problems of adding {@code candidate} as the next version after {@code existing} (existing
   * ordered oldest first, versions 1..n; candidate is version n+1), under this policy, with the
   * same meanings as Confluent Schema Registry:
   *
   * <ul>
   *   <li>BACKWARD: a reader using candidate can read data written with the latest existing
   *       version;
   *   <li>BACKWARD_TRANSITIVE: ... with every existing version;
   *   <li>FORWARD: a reader using the latest existing version can read data written with candidate;
   *   <li>FORWARD_TRANSITIVE: readers of every existing version can read candidate's data;
   *   <li>FULL = BACKWARD + FORWARD (latest only); FULL_TRANSITIVE = both against all; NONE = no
   *       check.
   * </ul>
   *
   * An empty {@code existing} list means no problems. Each message starts with the step from the
   * existing version to the candidate, e.g. "v1 → v2: ", whichever direction is checked; the rest
   * says which of the two is the reader and which the writer.
   */
  public List<CompatibilityProblem> check(List<JsonNode> existing, JsonNode candidate) {
    return check(existing, candidate, (version, schema) -> schema);
  }

  /**
   * The same, when older data is upcast before a reader of the candidate sees it: {@code
   * asUpcast.apply(version, schema)} is what data of that version looks like once upcast to the
   * candidate, or null when that cannot be derived (the backward direction of that version is then
   * not checked). The forward direction always compares raw schemas: old readers get no downcast.
   */
  public List<CompatibilityProblem> check(
      List<JsonNode> existing,
      JsonNode candidate,
      BiFunction<Integer, JsonNode, JsonNode> asUpcast) {
    Objects.requireNonNull(existing, "existing");
    Objects.requireNonNull(candidate, "candidate");
    if (this == NONE || existing.isEmpty()) {
      return List.of();
    }
    int latest = existing.size();
    int next = latest + 1;
    List<CompatibilityProblem> problems = new ArrayList<>();
    for (int version = transitive ? 1 : latest; version <= latest; version++) {
      JsonNode old = existing.get(version - 1);
      String step = "v" + version + " → v" + next + ": ";
      JsonNode written = backward ? asUpcast.apply(version, old) : null;
      if (written != null) {
        add(
            step,
            SchemaCompatibility.readerCanRead(written, candidate, Roles.versions(version, next)),
            problems);
      }
      if (forward) {
        add(
            step,
            SchemaCompatibility.readerCanRead(candidate, old, Roles.versions(next, version)),
            problems);
      }
    }
    return List.copyOf(problems);
  }

  private static void add(
      String step, List<CompatibilityProblem> found, List<CompatibilityProblem> problems) {
    for (CompatibilityProblem problem : found) {
      problems.add(new CompatibilityProblem(problem.path(), step + problem.message()));
    }
  }
}
