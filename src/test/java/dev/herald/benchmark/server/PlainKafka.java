package dev.herald.benchmark.server;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.PublishSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of the plain clients Herald is compared with: exactly the Kafka settings Herald's own
 * producer and the benchmark channel's consumer are configured with, resolved by {@link
 * KafkaClients} (connector-wide, then the publisher's or the channel's own), so that a change to
 * Herald's configuration changes the baseline too.
 */
@ApplicationScoped
public class PlainKafka {

  @Inject KafkaClients clients;
  @Inject EventChannels channels;

  public EventChannel channel() {
    return channels
        .forType(BenchmarkHandler.TYPE)
        .orElseThrow(() -> new IllegalStateException("no channel for " + BenchmarkHandler.TYPE));
  }

  /** Herald's publisher's producer settings; serializers are passed as instances. */
  public Map<String, Object> producer() {
    return new TreeMap<>(clients.producerSettings(PublishSettings.KAFKA_PREFIX, Map.of()));
  }

  /**
   * The channel's consumer settings, in a group of its own, committing nothing (SmallRye's channels
   * turn Kafka's auto-commit off too).
   */
  public Map<String, Object> consumer(String groupId) {
    Map<String, Object> settings =
        new TreeMap<>(
            clients.settings(
                ConsumerConfig.configNames(),
                "mp.messaging.incoming." + channel().channel() + ".",
                Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG,
                    groupId,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    "false")));
    settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return settings;
  }

  public Map<String, Object> admin() {
    return new TreeMap<>(clients.adminSettings(Map.of()));
  }
}
