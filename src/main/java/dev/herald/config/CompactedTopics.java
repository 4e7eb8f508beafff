package dev.herald.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Creates the compacted topics Herald keeps shared state in (webhook endpoints and deliveries,
 * channel states) when missing, with the broker's defaults otherwise.
 */
public final class CompactedTopics {

  private CompactedTopics() {}

  /**
   * Creates {@code topic} compacted, with the broker's partitions and replication and {@code
   * configs}, unless it exists.
   *
   * @param what what it holds, for the errors
   * @param clientId the admin client's id, e.g. {@code herald-webhooks-admin}
   * @throws IllegalStateException when it is missing and may not be created, or Kafka refused
   */
  public static void ensure(
      KafkaClients clients,
      ProbeSettings probe,
      String topic,
      String what,
      Map<String, String> configs,
      String clientId,
      Duration timeout) {
    try (Admin admin = clients.admin(Map.of("client.id", clientId))) {
      Set<String> names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (names.contains(topic)) {
        return;
      }
      if (!probe.createTopics()) {
        throw new IllegalStateException(
            "the "
                + what
                + " topic "
                + topic
                + " does not exist: create it with cleanup.policy=compact, or set "
                + ProbeSettings.CREATE_TOPICS.key()
                + "=true");
      }
      Map<String, String> all = new HashMap<>(configs);
      all.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      NewTopic compacted = new NewTopic(topic, Optional.empty(), Optional.empty()).configs(all);
      admin.createTopics(Set.of(compacted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) { // else another server created it
        throw new IllegalStateException(
            "creating the " + what + " topic " + topic + " failed: " + e.getCause(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer about the topic " + topic + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }
}
