package dev.herald.replay;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.config.KafkaClients;
import dev.herald.config.ReplaySettings;
import dev.herald.reliability.Pacer;
import dev.herald.routing.EventManager;
import dev.herald.routing.EventReader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Starts, lists and cancels replays. At most {@code herald.replay.max-running} run at once, and
 * never two of one type to a same handler; the last {@value #RETAINED} are kept in memory for
 * {@code GET /api/replays}, oldest finished dropped first.
 */
@ApplicationScoped
public class Replays {

  public static final int RETAINED = 100;

  @Inject EventChannels channels;
  @Inject EventManager manager;
  @Inject EventReader reader;
  @Inject KafkaClients clients;
  @Inject ReplaySettings settings;
  @Inject ReplayCounts counts;

  @Resource ManagedExecutorService executor;

  private final Map<String, Replay> replays = new LinkedHashMap<>();

  /**
   * Starts a replay: its ranges are fixed now, from what the broker answers; its events are handed
   * to the handlers on a managed thread.
   *
   * @throws ReplayRefusedException what to change: unknown type or handler, a range out of the log,
   *     a replay of the same handlers running, too many running, or no broker
   */
  public ReplayStatus start(ReplayRequest request) {
    EventChannel channel =
        channels
            .forType(request.type())
            .orElseThrow(
                () ->
                    new ReplayRefusedException(
                        ReplayRefusedException.Reason.NOT_FOUND,
                        "No event type '"
                            + request.type()
                            + "'; GET /api/event-types lists them: "
                            + String.join(", ", channels.types())));
    Set<String> handlers = ReplayTargets.choose(manager.handlers(), request.handlers());
    Replay replay = register(channel, handlers, request);
    Consumer<String, byte[]> consumer = null;
    try {
      consumer = clients.consumer(consumerSettings(replay.id));
      replay.plan(ReplayPlan.resolve(consumer, channel.topic(), request));
      executor.execute(
          new ReplayTask(
              replay,
              consumer,
              ReplayTask.reader(reader, channel.channel()),
              ReplayTask.handlers(manager, channel.channel(), handlers),
              new Pacer(settings.rate()),
              counts,
              counts::ended));
      return replay.status();
    } catch (ReplayRefusedException | KafkaException | RejectedExecutionException e) {
      forget(replay);
      if (consumer != null) {
        consumer.close(Duration.ZERO);
      }
      if (e instanceof ReplayRefusedException refused) {
        throw refused;
      }
      throw new ReplayRefusedException(
          ReplayRefusedException.Reason.UNAVAILABLE,
          e instanceof RejectedExecutionException
              ? "The server is stopping; start the replay again once it runs"
              : "Cannot read the offsets of " + channel.topic() + ": " + e.getMessage(),
          e);
    }
  }

  public synchronized Optional<ReplayStatus> find(String id) {
    return Optional.ofNullable(replays.get(id)).map(Replay::status);
  }

  /** Every replay kept, the newest first. */
  public synchronized List<ReplayStatus> list() {
    List<ReplayStatus> all = new ArrayList<>(replays.size());
    replays.values().forEach(replay -> all.add(replay.status()));
    Collections.reverse(all);
    return all;
  }

  /**
   * Cancels a running replay and waits up to {@code wait} for it to stop; a finished one is left as
   * it is.
   */
  public Optional<ReplayStatus> cancel(String id, Duration wait) throws InterruptedException {
    Replay replay;
    synchronized (this) {
      replay = replays.get(id);
    }
    if (replay == null) {
      return Optional.empty();
    }
    replay.cancel();
    replay.awaitEnd(wait);
    return Optional.of(replay.status());
  }

  @PreDestroy
  synchronized void stop() {
    replays.values().forEach(Replay::cancel);
  }

  /** Checks the running replays and registers a new one, as one step. */
  private synchronized Replay register(
      EventChannel channel, Set<String> handlers, ReplayRequest request) {
    for (Replay running : replays.values()) {
      if (running.overlaps(channel.type(), handlers)) {
        throw new ReplayRefusedException(
            ReplayRefusedException.Reason.CONFLICT,
            "Replay "
                + running.id
                + " of "
                + channel.type()
                + " to "
                + running.handlers.stream().filter(handlers::contains).collect(Collectors.toList())
                + " is running; wait for it (GET /api/replays/"
                + running.id
                + ") or cancel it (DELETE)");
      }
    }
    long running = replays.values().stream().filter(Replay::running).count();
    if (running >= settings.maxRunning()) {
      throw new ReplayRefusedException(
          ReplayRefusedException.Reason.BUSY,
          running
              + " replays are running, as many as "
              + ReplaySettings.MAX_RUNNING.key()
              + " allows; start this one when one ends, or raise the limit");
    }
    Replay replay = new Replay(UUID.randomUUID().toString(), channel, handlers, request);
    replays.put(replay.id, replay);
    counts.started();
    Map<String, Replay> kept = replays;
    if (kept.size() > RETAINED) {
      kept.values().stream()
          .filter(old -> !old.running())
          .limit(kept.size() - RETAINED)
          .map(old -> old.id)
          .toList()
          .forEach(kept::remove);
    }
    return replay;
  }

  private synchronized void forget(Replay replay) {
    replays.remove(replay.id);
    counts.ended();
  }

  /** Its own consumer: no group, nothing committed, so the channel's group is never touched. */
  private static Map<String, Object> consumerSettings(String id) {
    return Map.of(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "herald-replay-" + id,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        // records that retention deletes during the replay are skipped, not an error
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        100);
  }
}
