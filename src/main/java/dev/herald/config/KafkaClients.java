package dev.herald.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * Creates every Kafka client Herald uses besides SmallRye's channels (the probe's admin client, the
 * retry consumer and writer), configured as SmallRye configures its own: each Kafka client property
 * under {@code mp.messaging.connector.smallrye-kafka.}, or under {@code
 * mp.messaging.incoming|outgoing.<channel>.} for a channel's client (the channel's value wins),
 * whether it is given as a dotted property or only as an environment variable ({@code
 * MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SASL_JAAS_CONFIG}). So bootstrap servers, TLS and SASL are
 * configured once, for the channels and for these clients.
 */
@ApplicationScoped
public class KafkaClients {

  public static final String CONNECTOR_PREFIX = "mp.messaging.connector.smallrye-kafka.";

  /** SmallRye's fallback when no bootstrap servers are configured. */
  static final String BOOTSTRAP_ALIAS = "kafka.bootstrap.servers";

  @Inject Config config;

  public KafkaClients() {}

  public KafkaClients(Config config) {
    this.config = config;
  }

  /** An admin client with the connector's settings and {@code overrides}. */
  public Admin admin(Map<String, Object> overrides) {
    return Admin.create(adminSettings(overrides));
  }

  public Consumer<String, byte[]> consumer(Map<String, Object> overrides) {
    return new KafkaConsumer<>(
        consumerSettings(overrides), new StringDeserializer(), new ByteArrayDeserializer());
  }

  public Producer<String, byte[]> producer(Map<String, Object> overrides) {
    return new KafkaProducer<>(
        producerSettings(overrides), new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A producer with the connector's settings, then those under {@code prefix} (e.g. {@code
   * herald.publish.kafka.}), then {@code overrides}.
   */
  public Producer<String, byte[]> producer(String prefix, Map<String, Object> overrides) {
    return new KafkaProducer<>(
        producerSettings(prefix, overrides), new StringSerializer(), new ByteArraySerializer());
  }

  public Map<String, Object> adminSettings(Map<String, Object> overrides) {
    return settings(AdminClientConfig.configNames(), null, overrides);
  }

  public Map<String, Object> consumerSettings(Map<String, Object> overrides) {
    Map<String, Object> settings = settings(ConsumerConfig.configNames(), null, overrides);
    settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return settings;
  }

  public Map<String, Object> producerSettings(Map<String, Object> overrides) {
    return producerSettings(null, overrides);
  }

  public Map<String, Object> producerSettings(String prefix, Map<String, Object> overrides) {
    Map<String, Object> settings = settings(ProducerConfig.configNames(), prefix, overrides);
    settings.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    settings.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    return settings;
  }

  /** The bootstrap servers the connector uses. */
  public String bootstrapServers() {
    return String.valueOf(
        settings(Set.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), null, Map.of())
            .get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
  }

  /**
   * The Kafka client properties among {@code knownNames} set for the connector and, when {@code
   * channelPrefix} is given (e.g. {@code mp.messaging.incoming.my-channel.}), for that channel,
   * then {@code overrides}.
   */
  public Map<String, Object> settings(
      Set<String> knownNames, String channelPrefix, Map<String, Object> overrides) {
    Map<String, Object> settings = new HashMap<>();
    collect(settings, CONNECTOR_PREFIX, knownNames);
    if (channelPrefix != null) {
      collect(settings, channelPrefix, knownNames);
    }
    if (knownNames.contains(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      settings.computeIfAbsent(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          key -> config.getOptionalValue(BOOTSTRAP_ALIAS, String.class).orElse("localhost:9092"));
    }
    settings.putAll(overrides);
    return settings;
  }

  /**
   * Adds the properties under {@code prefix}: dotted names as they are, environment variable names
   * ({@code PREFIX_IN_CAPITALS_NAME_IN_CAPITALS}) mapped back by lower-casing and turning {@code _}
   * into {@code .}, which is exact for Kafka's property names (lower case, dotted). Each value is
   * then read by its dotted name, so MicroProfile Config's own precedence applies.
   */
  private void collect(Map<String, Object> settings, String prefix, Set<String> knownNames) {
    String envPrefix = prefix.replaceAll("[^A-Za-z0-9]", "_");
    for (String name : config.getPropertyNames()) {
      String key = null;
      if (name.startsWith(prefix)) {
        key = name.substring(prefix.length());
      } else if (name.regionMatches(true, 0, envPrefix, 0, envPrefix.length())) {
        key = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
      }
      if (key != null && knownNames.contains(key)) {
        String found = key;
        config.getOptionalValue(prefix + key, String.class).ifPresent(v -> settings.put(found, v));
      }
    }
  }
}
