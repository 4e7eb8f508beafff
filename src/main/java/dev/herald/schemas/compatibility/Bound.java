package dev.herald.schemas.compatibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/**
 * A numeric limit, from {@code minimum}/{@code exclusiveMinimum} or {@code maximum}/{@code
 * exclusiveMaximum}: the tighter of the two when a schema has both.
 */
record Bound(String keyword, BigDecimal value, boolean exclusive) {

  static Bound lower(JsonNode schema) {
    Bound inclusive = of(schema, "minimum", false);
    Bound exclusive = of(schema, "exclusiveMinimum", true);
    if (inclusive == null || exclusive == null) {
      return inclusive == null ? exclusive : inclusive;
    }
    return exclusive.value.compareTo(inclusive.value) >= 0 ? exclusive : inclusive;
  }

  static Bound upper(JsonNode schema) {
    Bound inclusive = of(schema, "maximum", false);
    Bound exclusive = of(schema, "exclusiveMaximum", true);
    if (inclusive == null || exclusive == null) {
      return inclusive == null ? exclusive : inclusive;
    }
    return exclusive.value.compareTo(inclusive.value) <= 0 ? exclusive : inclusive;
  }

  private static Bound of(JsonNode schema, String keyword, boolean exclusive) {
    JsonNode value = schema.get(keyword);
    return value == null || !value.isNumber()
        ? null
        : new Bound(keyword, value.decimalValue(), exclusive);
  }

  /**
   * The same lower bound for integer data, made inclusive, so that a writer's {@code
   * exclusiveMinimum: 0} satisfies a reader's {@code minimum: 1}.
   */
  Bound lowerForIntegers() {
    BigDecimal least = value.setScale(0, RoundingMode.CEILING);
    if (exclusive && least.compareTo(value) == 0) {
      least = least.add(BigDecimal.ONE);
    }
    return new Bound(keyword, least, false);
  }

  Bound upperForIntegers() {
    BigDecimal greatest = value.setScale(0, RoundingMode.FLOOR);
    if (exclusive && greatest.compareTo(value) == 0) {
      greatest = greatest.subtract(BigDecimal.ONE);
    }
    return new Bound(keyword, greatest, false);
  }

  /** Whether every number at or above this lower bound is also at or above {@code reader}'s. */
  boolean impliesLower(Bound reader) {
    int comparison = value.compareTo(reader.value);
    return reader.exclusive ? comparison > 0 || (comparison == 0 && exclusive) : comparison >= 0;
  }

  boolean impliesUpper(Bound reader) {
    int comparison = value.compareTo(reader.value);
    return reader.exclusive ? comparison < 0 || (comparison == 0 && exclusive) : comparison <= 0;
  }

  boolean admitsAsLower(BigDecimal number) {
    int comparison = number.compareTo(value);
    return exclusive ? comparison > 0 : comparison >= 0;
  }

  boolean admitsAsUpper(BigDecimal number) {
    int comparison = number.compareTo(value);
    return exclusive ? comparison < 0 : comparison <= 0;
  }

  @Override
  public String toString() {
    return keyword + " " + value.toPlainString();
  }
}
