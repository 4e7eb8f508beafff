package dev.herald.benchmark.server;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.PublishSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Settings of the plain clients Herald is compared with: exactly the Kafka settings Herald's own
 * producer and the benchmark channel's consumer are configured with (connector-wide, then per
 * channel), so that a change to Herald's configuration changes the baseline too.
 */
@ApplicationScoped
public class PlainKafka {

  static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";

  @Inject Config config;
  @Inject EventChannels channels;

  public EventChannel channel() {
    return channels
        .forType(BenchmarkHandler.TYPE)
        .orElseThrow(() -> new IllegalStateException("no channel for " + BenchmarkHandler.TYPE));
  }

  public Map<String, Object> producer() {
    return settings(ProducerConfig.configNames(), CONNECTOR, PublishSettings.KAFKA_PREFIX);
  }

  /** The channel's consumer settings, in a group of its own. */
  public Map<String, Object> consumer(String groupId) {
    Map<String, Object> settings =
        settings(
            ConsumerConfig.configNames(),
            CONNECTOR,
            "mp.messaging.incoming." + channel().channel() + ".");
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    return settings;
  }

  public Map<String, Object> admin() {
    return settings(AdminClientConfig.configNames(), CONNECTOR);
  }

  /** Serializers are passed as instances; everything else as configured. */
  private Map<String, Object> settings(Set<String> names, String... prefixes) {
    Map<String, Object> settings = new TreeMap<>();
    for (String prefix : prefixes) {
      for (String key : config.getPropertyNames()) {
        String name = key.substring(Math.min(prefix.length(), key.length()));
        if (key.startsWith(prefix) && names.contains(name) && !name.endsWith("serializer")) {
          config.getOptionalValue(key, String.class).ifPresent(value -> settings.put(name, value));
        }
      }
    }
    return settings;
  }
}
