package dev.herald.kafka;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.KafkaRefusals;
import dev.herald.config.ProbeSettings;
import dev.herald.retry.RetryTopics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks the broker in the background, on one long-lived admin client, so that health probes and
 * metric scrapes only read the cached {@link BrokerStatus}. A check passes when the cluster
 * answers, every channel topic and dead-letter topic exists (missing ones are created) and every
 * partition has a leader; it also reads each channel's consumer lag and how many consumers its
 * group has. Each passed check is also fired as a CDI event, so that observers (the metrics'
 * per-partition gauges) learn of partitions that appeared; observers must be quick, they run on the
 * probe's thread.
 */
@ApplicationScoped
public class KafkaProbe {

  private static final Logger LOG = Logger.getLogger(KafkaProbe.class.getName());

  @Inject KafkaClients clients;
  @Inject EventChannels channels;
  @Inject RetryTopics retryTopics;
  @Inject ProbeSettings settings;
  @Inject Event<BrokerStatus> checked;

  @Resource ManagedScheduledExecutorService scheduler;

  private Admin admin;
  private TopicAdmin topics;
  private ConsumerLag lag;
  private long intervalMs;
  private long timeoutMs;
  private volatile String bootstrapServers;
  private ScheduledFuture<?> task;
  private volatile BrokerStatus status = BrokerStatus.unknown();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    intervalMs = settings.interval().toMillis();
    timeoutMs = settings.timeout().toMillis();
    bootstrapServers = clients.bootstrapServers();
    admin = clients.admin(adminOverrides(timeoutMs));
    topics = new TopicAdmin(admin, settings.timeout(), settings.createTopics());
    lag = new ConsumerLag(admin, settings.timeout());
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

  /** Resolved once: readiness shows it on every call, and resolving reads every config name. */
  public String bootstrapServers() {
    String servers = bootstrapServers;
    return servers != null ? servers : clients.bootstrapServers();
  }

  void refresh() {
    BrokerStatus previous = status;
    try {
      status = check();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      status = BrokerStatus.down(describe(e), previous);
      if (previous.up() || previous.checkedAt() == null) {
        LOG.warning("Kafka at " + bootstrapServers() + " is not usable: " + status.reason());
      }
      return;
    }
    if (!previous.up() && status.up()) {
      LOG.info("Kafka at " + bootstrapServers() + " is usable: " + status.brokers() + " broker(s)");
    }
    try {
      checked.fire(status);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of the Kafka probe's status failed", e);
    }
  }

  private BrokerStatus check() throws Exception {
    int brokers = admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
    Map<String, EventChannel> byTopic = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (EventChannel channel : channels.all()) {
      names.add(channel.topic());
      names.add(channel.deadLetterTopic());
      byTopic.put(channel.topic(), channel);
    }
    retryTopics.all().forEach(retry -> names.add(retry.topic()));
    Map<String, TopicDescription> described = topics.describe(names);
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
    Map<String, Long> lags = new HashMap<>();
    Map<String, List<PartitionLag>> partitionLags = new HashMap<>();
    Map<String, Long> deadLettered = new HashMap<>();
    for (EventChannel channel : channels.all()) {
      List<PartitionLag> channelLag = lag.of(channel.topic(), channel.groupId(), ends);
      partitionLags.put(channel.channel(), List.copyOf(channelLag));
      lags.put(channel.channel(), ConsumerLag.total(channelLag));
      deadLettered.put(
          channel.channel(), ConsumerLag.endOffsetSum(channel.deadLetterTopic(), ends));
    }
    return new BrokerStatus(
        true, null, brokers, Instant.now(), lags, deadLettered, partitionLags, members());
  }

  /** Per channel, how many consumers its group has now. */
  private Map<String, Integer> members() throws Exception {
    Map<String, String> groups = new HashMap<>();
    channels.all().forEach(channel -> groups.put(channel.groupId(), channel.channel()));
    Map<String, Integer> members = new HashMap<>();
    admin
        .describeConsumerGroups(groups.keySet())
        .all()
        .get(timeoutMs, TimeUnit.MILLISECONDS)
        .forEach(
            (group, description) -> members.put(groups.get(group), description.members().size()));
    return members;
  }

  /** What the probe sets itself, over the connector's settings. */
  public static Map<String, Object> adminOverrides(long timeoutMs) {
    Map<String, Object> settings = new HashMap<>();
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
    Optional<String> refused = KafkaRefusals.describe(cause);
    if (refused.isPresent()) {
      return refused.get();
    }
    LOG.log(Level.FINE, "Kafka probe failed", cause);
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
