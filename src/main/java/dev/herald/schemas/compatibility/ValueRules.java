package dev.herald.schemas.compatibility;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The rules for what a single value may be: its type, enum or const, length, count or numeric
 * limits, pattern and format.
 */
final class ValueRules {

  private final Roles roles;

  ValueRules(Roles roles) {
    this.roles = roles;
  }

  void types(
      JsonTypes writerTypes, JsonTypes readerTypes, String path, List<CompatibilityProblem> out) {
    if (readerTypes.isAny()) {
      return;
    }
    if (writerTypes.isAny()) {
      out.add(
          Problems.at(
              path,
              "type narrowed: "
                  + roles.writer()
                  + " allows any type but "
                  + roles.reader()
                  + " accepts only "
                  + readerTypes));
      return;
    }
    List<String> rejected = writerTypes.notAllowedBy(readerTypes);
    if (!rejected.isEmpty()) {
      out.add(
          Problems.at(
              path,
              "type changed: "
                  + roles.writer()
                  + " allows "
                  + String.join(", ", rejected)
                  + " but "
                  + roles.reader()
                  + " accepts only "
                  + readerTypes));
    }
  }

  void enums(
      Optional<List<JsonNode>> writerValues,
      Optional<List<JsonNode>> readerValues,
      String path,
      List<CompatibilityProblem> out) {
    if (readerValues.isEmpty()) {
      return;
    }
    if (writerValues.isEmpty()) {
      out.add(
          Problems.at(
              path,
              "is restricted to "
                  + JsonValues.show(readerValues.get())
                  + " by "
                  + roles.reader()
                  + "; "
                  + roles.writer()
                  + " has no enum or const there, so it allows other values"));
      return;
    }
    List<JsonNode> missing =
        writerValues.get().stream()
            .filter(value -> !JsonValues.contains(readerValues.get(), value))
            .toList();
    if (!missing.isEmpty()) {
      out.add(
          Problems.at(
              path,
              "enum narrowed: "
                  + roles.writer()
                  + " allows "
                  + JsonValues.show(missing)
                  + " but "
                  + roles.reader()
                  + " does not"));
    }
  }

  void strings(JsonNode writer, JsonNode reader, String path, List<CompatibilityProblem> out) {
    countFloor("minLength", writer, reader, path, out);
    countCeiling("maxLength", writer, reader, path, out);
    sameText("pattern", writer, reader, path, out);
  }

  /**
   * Herald validates with format assertions on, so a new or different format rejects data. Formats
   * are not compared by meaning: "date-time" to "date" counts as changed either way.
   */
  void format(JsonNode writer, JsonNode reader, String path, List<CompatibilityProblem> out) {
    sameText("format", writer, reader, path, out);
  }

  void numbers(
      JsonNode writer,
      JsonNode reader,
      JsonTypes writerTypes,
      String path,
      List<CompatibilityProblem> out) {
    Bound readerLower = Bound.lower(reader);
    if (readerLower != null) {
      Bound writerLower = Bound.lower(writer);
      Bound comparable =
          writerLower != null && writerTypes.integersOnly()
              ? writerLower.lowerForIntegers()
              : writerLower;
      if (comparable == null || !comparable.impliesLower(readerLower)) {
        out.add(tightened(path, "lower bound", readerLower, writerLower));
      }
    }
    Bound readerUpper = Bound.upper(reader);
    if (readerUpper != null) {
      Bound writerUpper = Bound.upper(writer);
      Bound comparable =
          writerUpper != null && writerTypes.integersOnly()
              ? writerUpper.upperForIntegers()
              : writerUpper;
      if (comparable == null || !comparable.impliesUpper(readerUpper)) {
        out.add(tightened(path, "upper bound", readerUpper, writerUpper));
      }
    }
  }

  /** With enum or const the writer's values are known, so they are checked one by one. */
  void eachListed(
      List<JsonNode> values,
      JsonNode reader,
      JsonTypes readerTypes,
      String path,
      List<CompatibilityProblem> out) {
    Pattern pattern = pattern(reader, path, out);
    for (JsonNode value : values) {
      if (value.isString() && readerTypes.allows("string")) {
        String text = value.stringValue();
        long length = text.codePointCount(0, text.length());
        BigDecimal min = number(reader, "minLength");
        if (min != null && min.compareTo(BigDecimal.valueOf(length)) > 0) {
          out.add(breaks(path, value, "minLength " + min.toPlainString()));
        }
        BigDecimal max = number(reader, "maxLength");
        if (max != null && max.compareTo(BigDecimal.valueOf(length)) < 0) {
          out.add(breaks(path, value, "maxLength " + max.toPlainString()));
        }
        if (pattern != null && !pattern.matcher(text).find()) {
          out.add(breaks(path, value, "pattern " + reader.get("pattern")));
        }
      }
      if (value.isNumber() && readerTypes.allows(JsonValues.type(value))) {
        Bound lower = Bound.lower(reader);
        if (lower != null && !lower.admitsAsLower(value.decimalValue())) {
          out.add(breaks(path, value, lower.toString()));
        }
        Bound upper = Bound.upper(reader);
        if (upper != null && !upper.admitsAsUpper(value.decimalValue())) {
          out.add(breaks(path, value, upper.toString()));
        }
      }
    }
  }

  /** A reader's lower limit on a count (length, items, properties) the writer may undercut. */
  void countFloor(
      String keyword,
      JsonNode writer,
      JsonNode reader,
      String path,
      List<CompatibilityProblem> out) {
    BigDecimal readerMin = number(reader, keyword);
    if (readerMin == null) {
      return;
    }
    BigDecimal writerMin = number(writer, keyword);
    boolean tighter =
        writerMin == null ? readerMin.signum() > 0 : readerMin.compareTo(writerMin) > 0;
    if (tighter) {
      out.add(tightened(path, keyword, readerMin, writerMin));
    }
  }

  void countCeiling(
      String keyword,
      JsonNode writer,
      JsonNode reader,
      String path,
      List<CompatibilityProblem> out) {
    BigDecimal readerMax = number(reader, keyword);
    if (readerMax == null) {
      return;
    }
    BigDecimal writerMax = number(writer, keyword);
    if (writerMax == null || writerMax.compareTo(readerMax) > 0) {
      out.add(tightened(path, keyword, readerMax, writerMax));
    }
  }

  private void sameText(
      String keyword,
      JsonNode writer,
      JsonNode reader,
      String path,
      List<CompatibilityProblem> out) {
    JsonNode readerValue = reader.get(keyword);
    if (readerValue == null) {
      return;
    }
    JsonNode writerValue = writer.get(keyword);
    if (writerValue == null) {
      out.add(
          Problems.at(
              path,
              keyword
                  + " "
                  + readerValue
                  + " is new in "
                  + roles.reader()
                  + "; "
                  + roles.writer()
                  + " has none"));
    } else if (!writerValue.equals(readerValue)) {
      out.add(
          Problems.at(
              path,
              keyword
                  + " changed to "
                  + readerValue
                  + " in "
                  + roles.reader()
                  + " from "
                  + writerValue
                  + " in "
                  + roles.writer()));
    }
  }

  private Pattern pattern(JsonNode reader, String path, List<CompatibilityProblem> out) {
    JsonNode pattern = reader.get("pattern");
    if (pattern == null || !pattern.isString()) {
      return null;
    }
    try {
      return Pattern.compile(pattern.stringValue());
    } catch (PatternSyntaxException e) {
      out.add(
          Problems.at(
              path,
              "pattern "
                  + pattern
                  + " in "
                  + roles.reader()
                  + " cannot be checked against the values "
                  + roles.writer()
                  + " lists, so it counts as a narrowing"));
      return null;
    }
  }

  private CompatibilityProblem tightened(
      String path, String keyword, BigDecimal readerLimit, BigDecimal writerLimit) {
    return tightened(
        path,
        keyword,
        readerLimit.toPlainString(),
        writerLimit == null ? null : writerLimit.toPlainString());
  }

  private CompatibilityProblem tightened(
      String path, String which, Bound readerLimit, Bound writerLimit) {
    return tightened(
        path, which, readerLimit.toString(), writerLimit == null ? null : writerLimit.toString());
  }

  private CompatibilityProblem tightened(
      String path, String limit, String readerLimit, String writerLimit) {
    if (writerLimit == null) {
      return Problems.at(
          path,
          limit
              + " "
              + readerLimit
              + " is new in "
              + roles.reader()
              + "; "
              + roles.writer()
              + " has none");
    }
    return Problems.at(
        path,
        limit
            + " tightened to "
            + readerLimit
            + " in "
            + roles.reader()
            + " from "
            + writerLimit
            + " in "
            + roles.writer());
  }

  private CompatibilityProblem breaks(String path, JsonNode value, String limit) {
    return Problems.at(
        path,
        "value "
            + value
            + " allowed by "
            + roles.writer()
            + " breaks "
            + limit
            + " in "
            + roles.reader());
  }

  private static BigDecimal number(JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    return value == null || !value.isNumber() ? null : value.decimalValue();
  }
}
