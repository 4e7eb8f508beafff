package dev.herald.webhooks;

import dev.herald.config.CompactedTopics;
import dev.herald.config.ConsumerLoop;
import dev.herald.config.KafkaClients;
import dev.herald.config.ProbeSettings;
import dev.herald.config.WebhookSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;

/**
 * The endpoints topic: created compacted when missing, read from its start into {@link Endpoints}
 * on a managed thread when the application starts and followed from then on (not in a group, never
 * committing), and the producer of this server's changes. A broker that cannot be reached is tried
 * again every few seconds; the endpoints are unavailable (503) until the topic was read once.
 */
@ApplicationScoped
public class EndpointsTopic {

  /**
   * How long a Kafka call of the endpoint store, or a request waiting for the first read, takes.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(EndpointsTopic.class.getName());
  private static final Duration BACKOFF = Duration.ofSeconds(5);

  @Inject KafkaClients clients;
  @Inject WebhookSettings settings;
  @Inject ProbeSettings probe;
  @Inject Endpoints endpoints;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final CountDownLatch loaded = new CountDownLatch(1);
  private final ConsumerLoop loop =
      new ConsumerLoop("The webhook endpoints are read", LOG, BACKOFF, true);
  private Producer<String, byte[]> producer;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    loop.start(threads, "herald-webhook-endpoints", this::follow);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored)
      throws InterruptedException {
    loop.stop(Duration.ofSeconds(10));
    synchronized (this) {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
      }
    }
  }

  /** Whether the topic was read to its end once, waiting up to {@code wait} for it. */
  boolean loaded(Duration wait) throws InterruptedException {
    return loaded.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the topic was read once; the endpoints are incomplete before. */
  void awaitLoaded() {
    try {
      if (loaded(TIMEOUT)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new WebhooksUnavailableException(
        "the webhook endpoints are not read yet from "
            + settings.topic()
            + loop.failure().map(why -> ": " + why).orElse(""),
        null);
  }

  /** An idempotent producer with {@code acks=all}, created on first use. */
  synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      producer = CompactedTopics.writer(clients, "herald-webhook-endpoints", TIMEOUT, Map.of());
    }
    return producer;
  }

  private void follow() {
    ensureTopic();
    CompactedTopics.follow(
        clients,
        loop,
        settings.topic(),
        "herald-webhook-endpoints",
        TIMEOUT,
        record -> {
          if (record.key() != null) {
            Endpoint endpoint = record.value() == null ? null : Endpoint.fromJson(record.value());
            endpoints.apply(record.key(), endpoint, record.partition(), record.offset());
          }
        },
        loaded::countDown);
  }

  private void ensureTopic() {
    CompactedTopics.ensure(
        clients,
        probe,
        settings.topic(),
        "webhook endpoints",
        Map.of(),
        "herald-webhooks-admin",
        TIMEOUT);
  }
}
