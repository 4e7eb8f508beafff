package dev.herald.benchmark.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * A topic a run creates for itself with the partition count and replication factor of another
 * (Herald's benchmark topic), so that its records spread the same way; closing deletes it.
 */
final class OwnTopic implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final String name;
  private final List<TopicPartition> partitions;

  private OwnTopic(Admin admin, String name, int partitions) {
    this.admin = admin;
    this.name = name;
    this.partitions =
        IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(name, p)).toList();
  }

  /** Creates {@code name} shaped like the existing topic {@code model}. */
  static OwnTopic like(Map<String, Object> adminSettings, String model, String name)
      throws Exception {
    Admin admin = Admin.create(adminSettings);
    try {
      TopicDescription shape =
          admin
              .describeTopics(List.of(model))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(model);
      int partitions = shape.partitions().size();
      short replication = (short) shape.partitions().get(0).replicas().size();
      admin
          .createTopics(List.of(new NewTopic(name, partitions, replication)))
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new OwnTopic(admin, name, partitions);
    } catch (Exception | Error e) {
      admin.close();
      throw e;
    }
  }

  String name() {
    return name;
  }

  List<TopicPartition> partitions() {
    return partitions;
  }

  @Override
  public void close() throws Exception {
    try (admin) {
      admin.deleteTopics(List.of(name)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
