package dev.herald.kafka;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClientSettings;
import dev.herald.retry.RetryTopics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the broker in the background, on one long-lived admin client, so that health probes and
 * metric scrapes only read the cached {@link BrokerStatus}. A check passes when the cluster
 * answers, every channel topic and dead-letter topic exists (missing ones are created) and every
 * partition has a leader; it also reads each channel's consumer lag.
 */
@ApplicationScoped
public class KafkaProbe {

  private static final Logger LOG = Logger.getLogger(KafkaProbe.class.getName());

  @Inject Config config;
  @Inject EventChannels channels;
  @Inject RetryTopics retryTopics;

  @Inject
  @ConfigProperty(name = "herald.probe.interval-ms", defaultValue = "5000")
  long intervalMs;

  @Inject
  @ConfigProperty(name = "herald.probe.timeout-ms", defaultValue = "3000")
  long timeoutMs;

  @Inject
  @ConfigProperty(name = "herald.topics.create", defaultValue = "true")
  boolean createTopics;

  @Resource ManagedScheduledExecutorService scheduler;

  private Admin admin;
  private ScheduledFuture<?> task;
  private volatile BrokerStatus status = BrokerStatus.unknown();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    admin = Admin.create(adminConfig());
    task = scheduler.scheduleWithFixedDelay(this::refresh, 0, intervalMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(true);
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }

  public BrokerStatus status() {
    return status;
  }

  /** Whether the status is recent enough to trust: the probe itself may be stuck. */
  public boolean fresh(BrokerStatus current) {
    return current.checkedAt() != null
        && current.checkedAt().isAfter(Instant.now().minusMillis(3 * intervalMs + timeoutMs));
  }

  public String bootstrapServers() {
    return KafkaClientSettings.bootstrapServers(config);
  }

  void refresh() {
    BrokerStatus previous = status;
    try {
      status = check();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      status = BrokerStatus.down(describe(e), previous);
      if (previous.up()) {
        LOG.warning("Kafka at " + bootstrapServers() + " is not usable: " + status.reason());
      }
      return;
    }
    if (!previous.up() && status.up()) {
      LOG.info("Kafka at " + bootstrapServers() + " is usable: " + status.brokers() + " broker(s)");
    }
  }

  private BrokerStatus check() throws Exception {
    int brokers = admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
    Map<String, EventChannel> byTopic = new HashMap<>();
    List<String> topics = new ArrayList<>();
    for (EventChannel channel : channels.all()) {
      topics.add(channel.topic());
      topics.add(channel.deadLetterTopic());
      byTopic.put(channel.topic(), channel);
    }
    retryTopics.all().forEach(retry -> topics.add(retry.topic()));
    Map<String, TopicDescription> described = describe(topics);
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicDescription topic : described.values()) {
      topic.partitions().stream()
          .filter(p -> p.leader() == null || p.leader().isEmpty())
          .findFirst()
          .ifPresent(
              p -> {
                throw new IllegalStateException(
                    "partition " + topic.name() + "-" + p.partition() + " has no leader");
              });
      topic
          .partitions()
          .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin
            .listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
            .all()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
    Map<String, Long> lag = new HashMap<>();
    Map<String, Long> deadLettered = new HashMap<>();
    for (EventChannel channel : channels.all()) {
      lag.put(channel.channel(), lag(channel, ends));
      deadLettered.put(channel.channel(), endOffsetSum(channel.deadLetterTopic(), ends));
    }
    return new BrokerStatus(true, null, brokers, Instant.now(), lag, deadLettered);
  }

  private Map<String, TopicDescription> describe(List<String> topics) throws Exception {
    try {
      return admin.describeTopics(topics).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || !createTopics) {
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

  private long lag(EventChannel channel, Map<TopicPartition, ListOffsetsResultInfo> ends)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(channel.groupId())
            .partitionsToOffsetAndMetadata()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
    long lag = 0;
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
      if (end.getKey().topic().equals(channel.topic())) {
        OffsetAndMetadata position = committed.get(end.getKey());
        lag += end.getValue().offset() - (position == null ? 0 : position.offset());
      }
    }
    return lag;
  }

  private static long endOffsetSum(String topic, Map<TopicPartition, ListOffsetsResultInfo> ends) {
    return ends.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private Map<String, Object> adminConfig() {
    Map<String, Object> settings =
        KafkaClientSettings.from(config, AdminClientConfig.configNames());
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "herald-probe");
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    settings.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return settings;
  }

  private static String describe(Throwable e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof TimeoutException
        || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "no answer from the cluster in time (" + cause.getClass().getSimpleName() + ")";
    }
    LOG.log(Level.FINE, "Kafka probe failed", cause);
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
