package dev.herald.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Describes Herald's topics and, when allowed ({@code herald.topics.create}), creates the missing
 * ones with the broker's default partitions and replication.
 */
final class TopicAdmin {

  private static final Logger LOG = Logger.getLogger(TopicAdmin.class.getName());

  private final Admin admin;
  private final long timeoutMs;
  private final boolean create;

  TopicAdmin(Admin admin, Duration timeout, boolean create) {
    this.admin = admin;
    this.timeoutMs = timeout.toMillis();
    this.create = create;
  }

  /** Every topic's description, after creating the missing ones. */
  Map<String, TopicDescription> describe(List<String> topics) throws Exception {
    try {
      return admin.describeTopics(topics).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || !create) {
        throw e;
      }
    }
    Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
    List<NewTopic> missing =
        topics.stream()
            .filter(t -> !existing.contains(t))
            .map(t -> new NewTopic(t, Optional.empty(), Optional.empty()))
            .toList();
    try {
      admin.createTopics(missing).all().get(timeoutMs, TimeUnit.MILLISECONDS);
      LOG.info("Created topics " + missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    return admin.describeTopics(topics).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
