package dev.herald.webhooks;

import dev.herald.api.CloudEvent;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.KafkaRefusals;
import dev.herald.config.WebhookSettings;
import dev.herald.events.EventDecodingException;
import dev.herald.events.KafkaBinding;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Delivers events to webhook endpoints: one consumer in its own group ({@code
 * herald.webhooks.group-id}) reads every channel's topic, from the latest offset when the group has
 * none, and each event goes to every enabled endpoint that wants it, one signed POST after another,
 * on one managed thread. The offsets of a poll are committed once its events' attempts are done. An
 * endpoint gets the events stored after it was registered (record timestamp at or after its {@code
 * createdAt}), never older ones.
 *
 * <p>The consumer runs only while some endpoint is enabled, so a server without webhooks does not
 * read every event a second time; it resumes from the group's offsets when one is enabled again,
 * skipping, without decoding them, the events older than every endpoint.
 *
 * <p>Not yet: a failed attempt is recorded and not retried (the retry schedule is not applied), and
 * a slow endpoint delays every other (no isolation per endpoint). Only a 410 changes an endpoint:
 * it is disabled.
 */
@ApplicationScoped
public class WebhookDelivery {

  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
  private static final long BACKOFF_MS = 5000;

  @Inject KafkaClients clients;
  @Inject WebhookSettings settings;
  @Inject EventChannels channels;
  @Inject Endpoints endpoints;
  @Inject EndpointsTopic topic;
  @Inject Deliveries deliveries;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService deadlines;

  private final Clock clock = Clock.systemUTC();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private WebhookClient client;
  private Thread thread;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (channels.all().isEmpty()) {
      return;
    }
    client = new WebhookClient(AddressGuard.of(settings), settings, clock, deadlines);
    running = true;
    thread = threads.newThread(this::run);
    thread.setName("herald-webhooks");
    thread.start();
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored)
      throws InterruptedException, IOException {
    running = false;
    stopped.countDown();
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
    if (client != null) {
      client.close();
    }
  }

  private void run() {
    while (running) {
      try {
        if (!topic.loaded(Duration.ofSeconds(1))) { // else endpoints would be missed
          continue;
        }
        if (endpoints.enabled().isEmpty()) {
          stopped.await(1, TimeUnit.SECONDS);
        } else {
          consumeWhileSomeEndpointIsEnabled();
        }
      } catch (WakeupException e) {
        return; // stopping
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Webhook delivery stopped, will start again in "
                + BACKOFF_MS
                + " ms: "
                + KafkaRefusals.describe(e).orElse(e.toString()),
            KafkaRefusals.describe(e).isPresent() ? null : e);
        try {
          stopped.await(BACKOFF_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void consumeWhileSomeEndpointIsEnabled() {
    try (Consumer<String, byte[]> kafka = clients.consumer(overrides(settings.groupId()))) {
      consumer = kafka;
      kafka.subscribe(channels.all().stream().map(EventChannel::topic).toList(), new Pin(kafka));
      while (running && !endpoints.enabled().isEmpty()) {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          if (!running) {
            break; // the rest is read again after a restart
          }
          deliver(record);
          done.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
        }
        if (!done.isEmpty()) {
          kafka.commitSync(done);
        }
      }
    } finally {
      consumer = null;
    }
  }

  /** Sends one record's event to every endpoint that wants it, once each. */
  void deliver(ConsumerRecord<String, byte[]> record) {
    List<Endpoint> registered =
        endpoints.enabled().stream()
            .filter(
                endpoint ->
                    !Instant.ofEpochMilli(record.timestamp()).isBefore(endpoint.createdAt()))
            .toList();
    if (registered.isEmpty()) {
      return; // stored before any enabled endpoint was registered
    }
    CloudEvent event;
    try {
      event = KafkaBinding.decode(record.headers(), record.value());
    } catch (EventDecodingException e) {
      LOG.warning(
          "Not delivered to webhooks, not a CloudEvent: "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + ": "
              + e.getMessage());
      return;
    }
    WebhookMessage message = null;
    for (Endpoint endpoint : registered) {
      if (!endpoint.wants(event)) {
        continue;
      }
      if (message == null) {
        message = WebhookMessage.of(event);
      }
      Attempt attempt =
          client.send(
              URI.create(endpoint.url()), message, endpoint.signingSecrets(clock.instant()));
      deliveries.record(endpoint.id(), Delivery.of(event.id(), event.type(), attempt));
      if (attempt.disablesEndpoint()) {
        disable(endpoint, attempt);
      }
      // Not yet: a failed attempt is not retried (herald.webhooks.retry-schedule is not applied).
    }
  }

  private void disable(Endpoint endpoint, Attempt attempt) {
    try {
      endpoints.disable(
          endpoint.id(),
          "the endpoint answered 410 Gone at "
              + attempt.at()
              + "; PATCH it with \"enabled\": true to deliver to it again");
    } catch (WebhooksUnavailableException e) {
      LOG.warning("Endpoint " + endpoint.id() + " answered 410 but was not disabled: " + e);
    }
  }

  /** What the delivery consumer sets itself, over the connector's settings. */
  static Map<String, Object> overrides(String groupId) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-webhooks");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // an attempt may take herald.webhooks.timeout-ms: keep polls well within the poll interval
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
    return settings;
  }

  /**
   * Commits the position of a newly assigned partition the group has no offset for, so that
   * "latest" means when the group first read it, not whenever a later rebalance happens.
   */
  private static final class Pin implements ConsumerRebalanceListener {
    private final Consumer<String, byte[]> kafka;

    Pin(Consumer<String, byte[]> kafka) {
      this.kafka = kafka;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
      Map<TopicPartition, OffsetAndMetadata> pinned = new HashMap<>();
      for (TopicPartition partition : partitions) {
        if (committed.get(partition) == null) {
          pinned.put(partition, new OffsetAndMetadata(kafka.position(partition)));
        }
      }
      if (!pinned.isEmpty()) {
        kafka.commitSync(pinned);
      }
    }
  }
}
