package dev.herald.deadletters;

import dev.herald.config.ProbeSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the redrives topic when it is missing (and topic creation is allowed), compacted so that
 * it keeps the latest mark of every dead letter, with the broker's default partitions and
 * replication.
 */
final class RedrivesTopic {

  private final DeadLetterKafka kafka;
  private final String topic;
  private final boolean create;

  RedrivesTopic(DeadLetterKafka kafka, String topic, boolean create) {
    this.kafka = kafka;
    this.topic = topic;
    this.create = create;
  }

  void ensure() {
    Set<String> existing = kafka.await(kafka.admin().listTopics().names(), "listing topics");
    if (existing.contains(topic)) {
      return;
    }
    if (!create) {
      throw new DeadLetterException.Unavailable(
          "the redrives topic "
              + topic
              + " does not exist: create it with cleanup.policy=compact, or set "
              + ProbeSettings.CREATE_TOPICS.key()
              + "=true",
          null);
    }
    NewTopic compacted =
        new NewTopic(topic, Optional.empty(), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      kafka.await(kafka.admin().createTopics(Set.of(compacted)).all(), "creating " + topic);
    } catch (DeadLetterException.Unavailable e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another server created it first otherwise
      }
    }
  }
}
