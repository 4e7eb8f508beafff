package dev.herald.deadletters;

import dev.herald.config.DeadLetterSettings;
import dev.herald.config.EventChannel;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts, shows and cancels redrive tasks on Liberty's managed executor: at most one running per
 * dead-letter topic on this server, and the last {@value #KEPT} ended ones kept to be shown.
 */
@ApplicationScoped
public class RedriveTasks {

  static final int KEPT = 100;

  @Inject DeadLetterKafka kafka;
  @Inject DeadLetterTopics topics;
  @Inject Redriver redriver;
  @Inject RedriveMarks marks;
  @Inject DeadLetterCounts counts;
  @Inject DeadLetterSettings settings;

  @Resource ManagedExecutorService executor;

  /** Every task shown, oldest first. */
  private final Map<String, RedriveTask> tasks = new LinkedHashMap<>();

  /** The running task of each dead-letter topic. */
  private final Map<String, String> running = new ConcurrentHashMap<>();

  /**
   * Starts redriving the dead letters {@code filter} takes, up to the topic's current end.
   *
   * @throws DeadLetterException.InvalidQuery when the filter names no type
   * @throws DeadLetterException.Conflict naming the task that already redrives the same topic
   */
  public TaskView start(DeadLetterFilter filter) {
    if (filter.type() == null) {
      throw new DeadLetterException.InvalidQuery(
          "type is required: a redrive task moves the dead letters of one event type, e.g."
              + " {\"type\": \"chat.message.received\"}");
    }
    EventChannel channel = topics.channel(filter.type());
    String id = "redrive-" + UUID.randomUUID();
    String busy = running.putIfAbsent(channel.deadLetterTopic(), id);
    if (busy != null) {
      throw new DeadLetterException.Conflict(
          "Task "
              + busy
              + " is redriving "
              + channel.deadLetterTopic()
              + ": wait until GET /api/tasks/"
              + busy
              + " says it ended, or cancel it with DELETE /api/tasks/"
              + busy);
    }
    try {
      RedriveTask task =
          kafka.call(
              "reading the offsets of " + channel.deadLetterTopic(),
              () -> create(id, channel, filter));
      synchronized (tasks) {
        tasks.put(id, task);
        forgetOldest();
      }
      counts.taskStarted();
      task.submitted(executor.submit(task));
      return task.view();
    } catch (RuntimeException e) {
      running.remove(channel.deadLetterTopic(), id);
      throw e;
    }
  }

  public TaskView find(String id) {
    return task(id).view();
  }

  /**
   * Cancels a running task.
   *
   * @throws DeadLetterException.Conflict when it ended already
   */
  public TaskView cancel(String id) {
    RedriveTask task = task(id);
    if (!task.cancel()) {
      throw new DeadLetterException.Conflict(
          "Task "
              + id
              + " is "
              + task.view().state()
              + " already; only a running task can be cancelled");
    }
    return task.view();
  }

  private RedriveTask create(String id, EventChannel channel, DeadLetterFilter filter) {
    try (Consumer<String, byte[]> consumer = kafka.consumer()) {
      List<TopicPartition> partitions = kafka.partitions(consumer, channel.deadLetterTopic());
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> floors =
          new HashMap<>(TimeOffsets.at(consumer, filter.range().from(), start, end));
      Map<TopicPartition, Long> ends = TimeOffsets.at(consumer, filter.range().to(), end, end);
      floors.replaceAll((p, floor) -> Math.max(floor, start.get(p)));
      return new RedriveTask(
          id,
          channel,
          filter,
          floors,
          ends,
          settings.redriveRate(),
          new RedriveTask.Tools(kafka, redriver, marks, counts),
          () -> ended(channel.deadLetterTopic(), id));
    }
  }

  private void ended(String topic, String id) {
    running.remove(topic, id);
    counts.taskEnded();
  }

  private RedriveTask task(String id) {
    synchronized (tasks) {
      RedriveTask task = tasks.get(id);
      if (task == null) {
        throw new DeadLetterException.NotFound(
            "No task '" + id + "' on this server (the last " + KEPT + " are kept until restart)");
      }
      return task;
    }
  }

  private void forgetOldest() {
    var oldest = tasks.values().iterator();
    while (tasks.size() > KEPT && oldest.hasNext()) {
      if (!oldest.next().running()) {
        oldest.remove();
      }
    }
  }

  @PreDestroy
  void stop() {
    synchronized (tasks) {
      tasks.values().forEach(RedriveTask::cancel);
    }
  }
}
