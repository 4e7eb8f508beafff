package dev.herald.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Settings for Herald's own Kafka clients (probe, retry topics), taken from the connector-level
 * {@code mp.messaging.connector.smallrye-kafka.*} properties, so that bootstrap servers, security
 * and timeouts are configured once for the channels and for these clients.
 */
public final class KafkaClientSettings {

  public static final String CONNECTOR_PREFIX = "mp.messaging.connector.smallrye-kafka.";

  private KafkaClientSettings() {}

  /** The connector-level properties whose names are among {@code knownNames}. */
  public static Map<String, Object> from(Config config, Set<String> knownNames) {
    Map<String, Object> settings = new HashMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(CONNECTOR_PREFIX)) {
        String key = name.substring(CONNECTOR_PREFIX.length());
        if (knownNames.contains(key)) {
          config.getOptionalValue(name, String.class).ifPresent(v -> settings.put(key, v));
        }
      }
    }
    return settings;
  }

  public static String bootstrapServers(Config config) {
    return config.getOptionalValue(CONNECTOR_PREFIX + "bootstrap.servers", String.class).orElse("");
  }
}
