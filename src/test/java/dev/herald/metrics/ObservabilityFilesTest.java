package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard and the alert rules parse and have what Grafana and Prometheus need; MetricsIT
 * checks that every metric they query is on a running server's {@code /metrics}.
 */
class ObservabilityFilesTest {

  private static final String DATASOURCE = "${datasource}";

  @Test
  void theDashboardIsGrafanaJsonOnThePrometheusDatasourceVariable() {
    JsonNode dashboard = ObservabilityFiles.dashboard();

    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    assertThat(dashboard.path("uid").asString()).isEqualTo("herald");
    assertThat(dashboard.path("templating").path("list"))
        .anySatisfy(
            variable -> {
              assertThat(variable.path("name").asString()).isEqualTo("datasource");
              assertThat(variable.path("type").asString()).isEqualTo("datasource");
              assertThat(variable.path("query").asString()).isEqualTo("prometheus");
            });
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
      if (!panel.path("type").asString().equals("row")) {
        String title = panel.path("title").asString();
        assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(DATASOURCE);
        assertThat(panel.path("targets")).as(title).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asString())
              .as(title)
              .isEqualTo(DATASOURCE);
          assertThat(PromQl.metricNames(target.path("expr").asString())).as(title).isNotEmpty();
        }
      }
    }
  }

  @Test
  void theDashboardShowsWhatOperatorsWatch() {
    Set<String> shown = new HashSet<>();
    ObservabilityFiles.dashboardExpressions().forEach(e -> shown.addAll(PromQl.metricNames(e)));

    assertThat(shown)
        .contains(
            "herald_events_published_total",
            "herald_events_consumed_total",
            "herald_handler_duration_seconds_bucket",
            "herald_handler_duration_seconds_count",
            "herald_events_retried_total",
            "herald_consumer_lag",
            "herald_consumer_partition_lag",
            "herald_dead_letter_records",
            "herald_events_dead_lettered_total",
            "herald_publish_duration_seconds_bucket",
            "herald_ready",
            "herald_broker_up",
            "herald_webhooks_deliveries_total",
            "herald_webhooks_endpoints",
            "herald_outbox_pending",
            "herald_outbox_oldest_pending_seconds");
  }

  @Test
  void everyAlertHasAForASeverityASummaryAndARunbookHint() {
    List<JsonNode> rules = ObservabilityFiles.rules();

    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      String name = rule.path("alert").asString();
      assertThat(name).as("every rule is an alert").isNotBlank();
      assertThat(rule.path("expr").asString()).as(name).isNotBlank();
      assertThat(rule.path("for").asString()).as(name).matches("\\d+[smh]");
      assertThat(rule.path("labels").path("severity").asString())
          .as(name)
          .isIn("critical", "warning");
      assertThat(rule.path("annotations").path("summary").asString()).as(name).isNotBlank();
      assertThat(rule.path("annotations").path("description").asString())
          .as(name)
          .contains("Runbook:");
    }
    assertThat(rules)
        .extracting(rule -> rule.path("alert").asString())
        .doesNotHaveDuplicates()
        .contains(
            "HeraldNotReady",
            "HeraldBrokerDown",
            "HeraldDeadLettersGrowing",
            "HeraldConsumerLagRising",
            "HeraldWebhookEndpointDisabled",
            "HeraldOutboxBacklogOld");
  }

  @Test
  void theReadmeTablesEveryAlert() throws Exception {
    String readme = Files.readString(Path.of("README.md"));

    for (JsonNode rule : ObservabilityFiles.rules()) {
      String row = "| `" + rule.path("alert").asString() + "` |";
      assertThat(readme.contains(row)).as("README has the row " + row).isTrue();
    }
  }
}
