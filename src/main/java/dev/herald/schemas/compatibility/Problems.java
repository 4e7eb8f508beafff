package dev.herald.schemas.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Builds problems whose message starts with the data location they are about. */
final class Problems {

  private Problems() {}

  static CompatibilityProblem at(String path, String text) {
    return new CompatibilityProblem(path, Pointer.describe(path) + " " + text);
  }

  /** The same problem reached along two routes, e.g. through two alternatives, is said once. */
  static List<CompatibilityProblem> distinct(List<CompatibilityProblem> problems) {
    return new ArrayList<>(new LinkedHashSet<>(problems));
  }
}
