package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class RenewingProducerTest {

  private final List<MockProducer<String, byte[]>> created = new ArrayList<>();
  private final List<double[]> failedLogins = new ArrayList<>();

  private MockProducer<String, byte[]> newProducer() {
    MockProducer<String, byte[]> producer = new MockProducer<>();
    double[] count = {0};
    producer.setMockMetrics(
        new MetricName(
            RenewingProducer.FAILED_LOGINS, "producer-metrics", "failed logins", Map.of()),
        new Metric() {
          @Override
          public MetricName metricName() {
            return null;
          }

          @Override
          public Object metricValue() {
            return count[0];
          }
        });
    created.add(producer);
    failedLogins.add(count);
    return producer;
  }

  @Test
  void aProducerThatNeverFailedToLogInIsKept() {
    RenewingProducer producers = new RenewingProducer(this::newProducer, 0);

    assertThat(producers.get()).isSameAs(producers.get());
    assertThat(created).hasSize(1);
  }

  @Test
  void aProducerThatFailedToLogInIsClosedAndReplacedUntilOneLogsIn() {
    RenewingProducer producers = new RenewingProducer(this::newProducer, 0);
    producers.get();

    failedLogins.get(0)[0] = 1;
    producers.get();
    failedLogins.get(1)[0] = 3;

    assertThat(producers.get()).isSameAs(created.get(2));
    assertThat(producers.get()).isSameAs(created.get(2));
    assertThat(created.get(0).closed()).isTrue();
    assertThat(created.get(1).closed()).isTrue();
    assertThat(created.get(2).closed()).isFalse();
  }

  @Test
  void aFailedProducerIsKeptUntilItsCheckIsDue() {
    RenewingProducer producers = new RenewingProducer(this::newProducer, 60_000);
    producers.get();

    failedLogins.get(0)[0] = 1;

    assertThat(producers.get()).isSameAs(created.get(0));
  }
}
