package dev.herald.control;

import dev.herald.config.CompactedTopics;
import dev.herald.config.ConsumerLoop;
import dev.herald.config.ControlSettings;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.ProbeSettings;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * The channel states' topic ({@code herald.control.topic}: key the channel, value its {@link
 * PauseState}): created compacted when missing, read from its start on a managed thread when the
 * application starts and followed from then on (not in a group, never committing), and the producer
 * of this server's pauses and resumes. Every channel starts paused (Herald's configuration sets
 * {@code pausable.initially-paused} for all) and takes its state once the topic was read to its
 * end; a broker that cannot be reached is tried again every few seconds, the channels waiting
 * meanwhile.
 */
@ApplicationScoped
public class ChannelStatesTopic {

  /** How long a Kafka call of the channel states takes at most. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(ChannelStatesTopic.class.getName());
  private static final Duration BACKOFF = Duration.ofSeconds(5);
  private static final String CLIENT_ID = "herald-channel-states";

  @Inject KafkaClients clients;
  @Inject ControlSettings settings;
  @Inject ProbeSettings probe;
  @Inject EventChannels channels;
  @Inject ChannelRegistry registry;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final ConsumerLoop loop =
      new ConsumerLoop("The channel states are read", LOG, BACKOFF, true);
  private ChannelStates states;
  private Producer<String, byte[]> producer;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    states();
    loop.start(threads, CLIENT_ID, this::follow);
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

  /** Why the channels still wait for their states; empty once the topic was read. */
  Optional<String> waiting() {
    if (states().isLoaded()) {
      return Optional.empty();
    }
    return Optional.of(
        "not read yet from " + settings.topic() + loop.failure().map(why -> ": " + why).orElse(""));
  }

  /**
   * Records a channel's state, waits until the broker stored it, then applies it here.
   *
   * @throws ChannelStatesUnavailableException when the broker did not store it in time
   */
  void write(String channel, PauseState state) {
    try {
      RecordMetadata stored =
          producer()
              .send(new ProducerRecord<>(settings.topic(), channel, state.toJson()))
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      states().written(channel, state, stored.partition(), stored.offset());
    } catch (ExecutionException e) {
      throw new ChannelStatesUnavailableException(
          "writing the state of channel '"
              + channel
              + "' to "
              + settings.topic()
              + " failed: "
              + e.getCause(),
          e);
    } catch (TimeoutException e) {
      throw new ChannelStatesUnavailableException(
          "Kafka did not store the state of channel '"
              + channel
              + "' in "
              + settings.topic()
              + " within "
              + TIMEOUT.toSeconds()
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelStatesUnavailableException(
          "writing the state of channel '" + channel + "' was interrupted", e);
    } catch (KafkaException e) { // refused before sending, e.g. no metadata in time
      throw new ChannelStatesUnavailableException(
          "writing the state of channel '" + channel + "' to " + settings.topic() + " failed: " + e,
          e);
    }
  }

  private synchronized ChannelStates states() {
    if (states == null) {
      List<String> names = channels.all().stream().map(EventChannel::channel).toList();
      states =
          new ChannelStates(
              new LocalChannels(registry, names), settings.startPaused(), settings.topic());
    }
    return states;
  }

  /** An idempotent producer with {@code acks=all}, created on first use. */
  private synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      producer = CompactedTopics.writer(clients, CLIENT_ID, TIMEOUT, Map.of());
    }
    return producer;
  }

  private void follow() {
    CompactedTopics.ensure(
        clients,
        probe,
        settings.topic(),
        "channel states",
        Map.of(),
        CLIENT_ID + "-admin",
        TIMEOUT);
    ChannelStates applied = states();
    CompactedTopics.follow(
        clients,
        loop,
        settings.topic(),
        CLIENT_ID,
        TIMEOUT,
        record ->
            applied.followed(record.key(), record.value(), record.partition(), record.offset()),
        applied::loaded);
  }
}
