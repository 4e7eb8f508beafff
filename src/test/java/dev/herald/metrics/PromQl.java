package dev.herald.metrics;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names PromQL expressions query, exactly as Prometheus looks them up (a histogram's
 * {@code _bucket} stays), and the sample names of a Prometheus text scrape, to compare the two.
 */
final class PromQl {

  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?\\w+(:\\w+)?}?");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])[a-zA-Z_:][\\w:]*");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$", Pattern.DOTALL);
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "offset",
          "inf",
          "nan");

  private PromQl() {}

  /**
   * The metric names of an expression: identifiers that are neither functions, aggregations nor
   * keywords, outside label matchers, strings, ranges and grouping clauses. Grafana's variables
   * ({@code $job}, {@code ${datasource}}, {@code $__rate_interval}) are left out.
   */
  static Set<String> metricNames(String expression) {
    String rest = STRING.matcher(expression).replaceAll("\"\"");
    rest = MATCHERS.matcher(rest).replaceAll("{}");
    rest = RANGE.matcher(rest).replaceAll("[]");
    rest = GRAFANA_VARIABLE.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    rest = OFFSET.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifiers = IDENTIFIER.matcher(rest);
    while (identifiers.find()) {
      String name = identifiers.group();
      if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))
          && !followedByParenthesis(rest, identifiers.end())) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The metric names of a Grafana variable query: {@code label_values(selector, label)} queries the
   * selector; {@code label_values(label)} no metric; anything else is PromQL.
   */
  static Set<String> variableQueryNames(String query) {
    Matcher labelValues = LABEL_VALUES.matcher(query);
    if (labelValues.matches()) {
      return metricNames(labelValues.group(1));
    }
    if (query.strip().startsWith("label_values(")) {
      return Set.of();
    }
    return metricNames(query);
  }

  /** The names of the samples of a scrape in Prometheus text format. */
  static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      String sample = line.strip();
      if (!sample.isEmpty() && !sample.startsWith("#")) {
        int end = sample.length();
        for (char stop : new char[] {'{', ' '}) {
          int at = sample.indexOf(stop);
          if (at >= 0 && at < end) {
            end = at;
          }
        }
        names.add(sample.substring(0, end));
      }
    }
    return names;
  }

  /** The names among {@code queried} that no sample of the scrape has. */
  static Set<String> missing(Collection<String> queried, String scrape) {
    Set<String> missing = new TreeSet<>(queried);
    missing.removeAll(sampleNames(scrape));
    return missing;
  }

  private static boolean followedByParenthesis(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i) == '(';
      }
    }
    return false;
  }
}
