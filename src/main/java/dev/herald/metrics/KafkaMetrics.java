package dev.herald.metrics;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.kafka.KafkaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Per-channel gauges read from the probe's cached status, so a scrape never calls Kafka. */
@ApplicationScoped
public class KafkaMetrics {

  static final Metadata LAG =
      Metadata.builder()
          .withName("herald.consumer.lag")
          .withDescription("Records on the channel's topic its consumer group has not committed")
          .build();
  static final Metadata DEAD_LETTER_RECORDS =
      Metadata.builder()
          .withName("herald.dead.letter.records")
          .withDescription("Records written to the channel's dead-letter topic (end offsets)")
          .build();
  static final Metadata BROKER_UP =
      Metadata.builder()
          .withName("herald.broker.up")
          .withDescription("1 when the last broker check passed, else 0")
          .build();

  @Inject KafkaProbe probe;
  @Inject EventChannels channels;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (EventChannel channel : channels.all()) {
      Tag tag = new Tag("channel", channel.channel());
      registry.gauge(LAG, probe, p -> value(p.status().lag(), channel.channel()), tag);
      registry.gauge(
          DEAD_LETTER_RECORDS,
          probe,
          p -> value(p.status().deadLettered(), channel.channel()),
          tag);
    }
    registry.gauge(BROKER_UP, probe, p -> p.status().up() ? 1 : 0);
  }

  private static double value(Map<String, Long> values, String channel) {
    Long value = values.get(channel);
    return value == null ? Double.NaN : value;
  }
}
