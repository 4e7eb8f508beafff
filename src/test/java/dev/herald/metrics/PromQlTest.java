package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTest {

  private static final String SCRAPE =
      """
      # HELP herald_consumer_lag Records on the channel's topic its consumer group has not committed
      # TYPE herald_consumer_lag gauge
      herald_consumer_lag{channel="chat-message-received",mp_scope="application",} 0.0
      # TYPE herald_handler_duration_seconds histogram
      herald_handler_duration_seconds_bucket{handler="audit",outcome="success",le="0.001",} 3.0
      herald_handler_duration_seconds_count{handler="audit",outcome="success",} 3.0
      herald_handler_duration_seconds_sum{handler="audit",outcome="success",} 0.002
      herald_broker_up 1.0
      """;

  @Test
  void aSelectorWithMatchersAndAComparisonNamesItsMetric() {
    assertThat(PromQl.metricNames("herald_broker_up{job=~\"$job\"} == 0"))
        .containsExactly("herald_broker_up");
  }

  @Test
  void functionsAggregationsGroupingLabelsRangesAndGrafanaVariablesAreNotMetrics() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, handler) (rate("
                    + "herald_handler_duration_seconds_bucket{job=~\"$job\", instance=~\"$instance\"}"
                    + "[$__rate_interval])))"))
        .containsExactly("herald_handler_duration_seconds_bucket");
  }

  @Test
  void bothSidesOfBinaryOperatorsAndSetOperatorsAreMetrics() {
    assertThat(
            PromQl.metricNames(
                "(max by (channel) (herald_consumer_lag) > 1e3 and max by (channel)"
                    + " (deriv(herald_consumer_lag[10m])) > 0) unless on (channel)"
                    + " (max by (channel) (herald_channel_paused) == 1)"))
        .containsExactly("herald_channel_paused", "herald_consumer_lag");
    assertThat(
            PromQl.metricNames(
                "sum(rate(a_total[5m] offset 1h)) by (job) / ignoring(le) group_left b_total"
                    + " or vector(0) * Inf"))
        .containsExactly("a_total", "b_total");
  }

  @Test
  void identifiersAndBracesInsideStringsAreIgnored() {
    assertThat(PromQl.metricNames("x_total{a=\"b} fake_metric {\", c=~'d(e)'} > bool 2"))
        .containsExactly("x_total");
  }

  @Test
  void aLabelValuesVariableQueriesItsSelector() {
    assertThat(PromQl.variableQueryNames("label_values(herald_broker_up{job=~\"$job\"}, instance)"))
        .containsExactly("herald_broker_up");
    assertThat(PromQl.variableQueryNames("label_values(job)")).isEmpty();
  }

  @Test
  void theScrapeGivesSampleNamesAsPrometheusStoresThem() {
    assertThat(PromQl.sampleNames(SCRAPE))
        .containsExactlyInAnyOrder(
            "herald_consumer_lag",
            "herald_handler_duration_seconds_bucket",
            "herald_handler_duration_seconds_count",
            "herald_handler_duration_seconds_sum",
            "herald_broker_up");
  }

  @Test
  void aMisspelledMetricOrAHistogramQueriedWithoutItsSuffixIsMissing() {
    List<String> queried =
        List.of(
            "herald_consumer_lagg",
            "herald_handler_duration_seconds",
            "herald_handler_duration_seconds_bucket",
            "herald_broker_up");

    assertThat(PromQl.missing(queried, SCRAPE))
        .containsExactly("herald_consumer_lagg", "herald_handler_duration_seconds");
  }
}
