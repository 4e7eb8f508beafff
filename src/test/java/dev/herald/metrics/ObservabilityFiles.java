package dev.herald.metrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The Grafana dashboard and the Prometheus alert rules under {@code observability/}. */
final class ObservabilityFiles {

  static final Path DASHBOARD = Path.of("observability/grafana/herald.json");
  static final Path ALERTS = Path.of("observability/prometheus/herald-alerts.yml");

  private ObservabilityFiles() {}

  static JsonNode dashboard() {
    return JsonMapper.shared().readTree(DASHBOARD.toFile());
  }

  static JsonNode alerts() {
    return YAMLMapper.shared().readTree(ALERTS.toFile());
  }

  /** Every rule of every group of the alert rules. */
  static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    alerts().path("groups").forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  /** Every {@code expr} of the dashboard (its panels' targets, at any depth). */
  static List<String> dashboardExpressions() {
    List<String> expressions = new ArrayList<>();
    collect(dashboard(), "expr", expressions);
    return expressions;
  }

  /** The metric names the dashboard (targets and variable queries) and the alert rules query. */
  static Set<String> queriedMetrics() {
    Set<String> names = new TreeSet<>();
    dashboardExpressions().forEach(expr -> names.addAll(PromQl.metricNames(expr)));
    for (JsonNode variable : dashboard().path("templating").path("list")) {
      if ("query".equals(variable.path("type").asString())) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asString() : query.asString();
        names.addAll(PromQl.variableQueryNames(text));
      }
    }
    rules().forEach(rule -> names.addAll(PromQl.metricNames(rule.path("expr").asString())));
    return names;
  }

  private static void collect(JsonNode node, String field, List<String> values) {
    if (node.isObject()) {
      node.forEachEntry(
          (name, value) -> {
            if (name.equals(field) && value.isString()) {
              values.add(value.asString());
            } else {
              collect(value, field, values);
            }
          });
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, field, values));
    }
  }
}
