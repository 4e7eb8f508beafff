package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.kafka.KafkaProbe;
import dev.herald.retry.RetryTopicConsumer;
import dev.herald.retry.RetryTopicWriter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Herald's own Kafka clients get the connector's settings as SmallRye's do, whether they are given
 * as properties or only as environment variables (with the Config implementation Liberty ships).
 */
class KafkaClientsTest {

  private static final Map<String, String> SASL_ENVIRONMENT =
      Map.of(
          "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_BOOTSTRAP_SERVERS", "broker1:9093,broker2:9093",
          "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
          "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
          "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SASL_JAAS_CONFIG", "jaas-line",
          "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/trust.p12");

  @Test
  void aSettingGivenOnlyAsAnEnvironmentVariableReachesEveryClientHeraldCreates() {
    KafkaClients clients = new KafkaClients(config(SASL_ENVIRONMENT, Map.of()));

    List<Map<String, Object>> everyClient =
        List.of(
            clients.adminSettings(KafkaProbe.adminOverrides(3000)),
            clients.consumerSettings(RetryTopicConsumer.overrides("herald-retry")),
            clients.producerSettings(RetryTopicWriter.overrides()));

    for (Map<String, Object> settings : everyClient) {
      assertThat(settings)
          .containsEntry("bootstrap.servers", "broker1:9093,broker2:9093")
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("sasl.jaas.config", "jaas-line")
          .containsEntry("ssl.truststore.location", "/etc/kafka/trust.p12");
    }
  }

  @Test
  void dottedPropertiesAreReadAndSmallRyeAttributesAreLeftOut() {
    KafkaClients clients =
        new KafkaClients(
            config(
                Map.of(),
                Map.of(
                    "mp.messaging.connector.smallrye-kafka.bootstrap.servers", "props:9092",
                    "mp.messaging.connector.smallrye-kafka.failure-strategy", "dead-letter-queue",
                    "mp.messaging.connector.smallrye-kafka.value.deserializer",
                        "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "mp.messaging.connector.smallrye-kafka.auto.offset.reset", "earliest")));

    Map<String, Object> consumer = clients.consumerSettings(Map.of());

    assertThat(consumer)
        .containsEntry("bootstrap.servers", "props:9092")
        .containsEntry("auto.offset.reset", "earliest")
        .doesNotContainKeys(
            "failure-strategy", "failure.strategy", ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    assertThat(clients.adminSettings(Map.of())).doesNotContainKey("auto.offset.reset");
  }

  @Test
  void aChannelsOwnSettingWinsOverTheConnectors() {
    KafkaClients clients =
        new KafkaClients(
            config(
                Map.of("MP_MESSAGING_INCOMING_SYSTEM_ERROR_CLIENT_RACK", "rack-b"),
                Map.of("mp.messaging.connector.smallrye-kafka.client.rack", "rack-a")));

    assertThat(
            clients.settings(
                Set.of("client.rack"), "mp.messaging.incoming.system-error.", Map.of()))
        .containsEntry("client.rack", "rack-b");
    assertThat(clients.settings(Set.of("client.rack"), null, Map.of()))
        .containsEntry("client.rack", "rack-a");
  }

  @Test
  void bootstrapServersFallBackAsSmallRyesDo() {
    assertThat(
            new KafkaClients(config(Map.of(), Map.of("kafka.bootstrap.servers", "alias:9092")))
                .bootstrapServers())
        .isEqualTo("alias:9092");
    assertThat(new KafkaClients(config(Map.of(), Map.of())).bootstrapServers())
        .isEqualTo("localhost:9092");
  }

  @Test
  void whatAClientSetsItselfWins() {
    KafkaClients clients = new KafkaClients(config(SASL_ENVIRONMENT, Map.of()));

    assertThat(clients.consumerSettings(RetryTopicConsumer.overrides("my-retry-group")))
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "my-retry-group")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
  }

  private static Config config(Map<String, String> environment, Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new EnvConfigSource(environment, 300))
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build();
  }
}
