package dev.herald.rest;

/**
 * Whole-number query parameters, read here rather than by JAX-RS: a value JAX-RS cannot convert
 * would be a bare 404, where a client needs a 400 that names the parameter.
 */
final class QueryNumbers {

  private QueryNumbers() {}

  /**
   * @return {@code orElse} when the parameter is absent or blank
   * @throws ProblemException 400 when it is not a whole number from {@code min} to {@code max}
   */
  static int read(String name, String text, int orElse, int min, int max) {
    if (text == null || text.isBlank()) {
      return orElse;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new ProblemException(
        Problem.of(
            400,
            "Bad Request",
            name + " is '" + text + "': give a whole number from " + min + " to " + max));
  }
}
