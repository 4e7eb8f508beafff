package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.BrokerExtension;
import dev.herald.testing.CrashServer;
import dev.herald.testing.EffectCounter;
import dev.herald.testing.EffectJournal;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.TestBroker;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import dev.herald.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Liberty servers, each its own process, in the same consumer groups on one broker, sharing the
 * JDBC idempotency store on PostgreSQL: a server joins during the load and the first leaves
 * gracefully, then a server joins again and is killed (SIGKILL). Every one of 20,000 keyed events
 * on 6 partitions takes effect once, each key's events in order across owners, the group commits to
 * the log's end, readiness stays UP on the servers that stay, and the partitions a server keeps
 * during a cooperative rebalance go on flowing (the longest pause is reported). The two tests are
 * one scenario in two steps: the second starts from the server the first left running.
 */
@ExtendWith(BrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  private static final int EVENTS = 20_000;
  private static final int BATCH = 1_000;
  private static final int PARTITIONS = 6;
  private static final int KEYS = 48;
  private static final String RUN = "scale-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String PREFIX = RUN + ".";
  private static final String TOPIC = PREFIX + EffectCounter.TYPE + ".v1";
  private static final String GROUP = RUN + "-sessions";
  private static final Path JOURNAL = Path.of("target", RUN + "-effects.log").toAbsolutePath();

  private static final ReadinessWatch watch = new ReadinessWatch();
  private static CrashServer first;
  private static CrashServer second;

  @BeforeAll
  static void sixPartitionsAndASharedStore() throws Exception {
    TestPostgres.get();
    try (Admin admin = TestBroker.get().admin()) {
      admin
          .createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stopServers() {
    watch.close();
    for (CrashServer server : new CrashServer[] {first, second}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  @Order(1)
  void aServerJoinsDuringTheLoadAndTheFirstLeavesWithEveryEffectOnceAndEachKeyInOrder()
      throws Exception {
    String run = RUN + "-a-";
    first = server("scale-one", 9180, List.of());
    first.start();
    first.awaitReady();
    HeraldClient one = new HeraldClient(first.httpPort());
    watch.follow("scale-one", one);
    publish(one, run, 0, EVENTS / 2);
    await("the first server handling")
        .atMost(Duration.ofSeconds(120))
        .until(() -> journal(run).count("scale-one") >= 1_000);

    second = server("scale-two", 9182, List.of());
    second.start();
    second.awaitReady();
    HeraldClient two = new HeraldClient(second.httpPort());
    watch.follow("scale-two", two);
    publish(one, run, EVENTS / 2, EVENTS);
    await("the second server handling its share")
        .atMost(Duration.ofSeconds(120))
        .until(() -> journal(run).count("scale-two") >= 500);
    long stopAt = System.currentTimeMillis();
    watch.unfollow("scale-one");
    first.stop();

    await("every event applied")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> journal(run).distinct() == EVENTS);
    EffectJournal effects = journal(run);
    assertEveryEffectOnceInOrder(effects);
    assertThat(effects.count("scale-two"))
        .as("the second server joined before the load ended")
        .isGreaterThan(0);
    await("group committed to the log end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TestKafka.committed(GROUP, TOPIC).equals(TestKafka.endOffsets(TOPIC)));
    assertNothingDeadLettered();
    assertThat(watch.failures()).as("readiness of the servers that stayed").isEmpty();

    System.out.printf(
        "ScaleOutIT graceful: %d effects, %s; %s%n",
        effects.effects().size(), effects.byServer(), gaps(effects, stopAt));
  }

  @Test
  @Order(2)
  void aServerKilledWhileSharingTheLoadLosesNothingAndItsRedeliveriesAreAbsorbed()
      throws Exception {
    String run = RUN + "-b-";
    HeraldClient two = new HeraldClient(second.httpPort());
    first = server("scale-one", 9180, List.of(EffectCounter.PAUSE_AFTER + "=1500"));
    first.start();
    first.awaitReady();
    publish(two, run, 0, EVENTS);
    Path parked = Path.of(JOURNAL + ".paused");
    await("the first server parked mid-load")
        .atMost(Duration.ofSeconds(180))
        .until(() -> Files.exists(parked));

    first.kill();
    await("every event applied")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> journal(run).distinct() == EVENTS);
    EffectJournal effects = journal(run);
    assertEveryEffectOnceInOrder(effects);
    assertThat(effects.count("scale-one")).isGreaterThanOrEqualTo(1_500);
    await("group committed to the log end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TestKafka.committed(GROUP, TOPIC).equals(TestKafka.endOffsets(TOPIC)));
    assertNothingDeadLettered();
    assertThat(watch.failures()).as("readiness of the server that stayed").isEmpty();

    System.out.printf(
        "ScaleOutIT kill -9: %d effects, %s; redeliveries absorbed by the survivor: %s%n",
        effects.effects().size(), effects.byServer(), duplicates(two));
  }

  private static CrashServer server(String name, int port, List<String> extra) {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "-Xms64m",
            "-Xmx384m",
            "herald.idempotency.store=jdbc",
            "herald.idempotency.datasource=jdbc/shared",
            "herald.topics.prefix=" + PREFIX,
            "mp.messaging.incoming.chat-user-session-ended.group.id=" + GROUP,
            "mp.messaging.connector.smallrye-kafka.session.timeout.ms=10000",
            "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=1000",
            EffectCounter.JOURNAL + "=" + JOURNAL,
            EffectCounter.SERVER + "=" + name,
            EffectCounter.EFFECT_MS + "=3"));
    options.addAll(extra);
    return new CrashServer(name, port, options, Map.of());
  }

  /** Events {@code from} to {@code to} of the run, keyed by one of {@value #KEYS} tenants. */
  private static void publish(HeraldClient herald, String run, int from, int to) {
    for (int start = from; start < to; start += BATCH) {
      String batch =
          IntStream.range(start, Math.min(start + BATCH, to))
              .mapToObj(i -> TestEvents.example(EffectCounter.TYPE, run + i, key(i)))
              .collect(Collectors.joining(",", "[", "]"));
      assertThat(herald.postJson("api/events/batch", batch).statusCode()).isEqualTo(202);
    }
  }

  private static String key(long sequence) {
    return "tenant-" + (sequence % KEYS);
  }

  private static long sequence(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }

  /** The partition Kafka's default partitioner gives the key. */
  private static int partition(String id) {
    byte[] key = key(sequence(id)).getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
  }

  private static EffectJournal journal(String run) {
    return EffectJournal.read(JOURNAL).of(run);
  }

  private static void assertEveryEffectOnceInOrder(EffectJournal effects) {
    assertThat(effects.repeated()).as("events applied twice").isEmpty();
    assertThat(effects.effects()).hasSize(EVENTS);
    assertThat(effects.outOfOrder(id -> key(sequence(id)), ScaleOutIT::sequence))
        .as("events applied after a later one of their key")
        .isEmpty();
  }

  private static void assertNothingDeadLettered() throws Exception {
    assertThat(TestKafka.endOffsets(TOPIC + ".dlq").values()).allMatch(offset -> offset == 0);
  }

  /**
   * The longest pause on each partition the first server kept through the rebalance (from a minute
   * before the second server's first effect to the first server's stop), beside the handover pause
   * of the partitions that moved (the first server's last effect to the second's first).
   */
  private static String gaps(EffectJournal effects, long stopAt) {
    long joined =
        effects.effects().stream()
            .filter(e -> e.server().equals("scale-two"))
            .mapToLong(EffectJournal.Effect::at)
            .min()
            .orElseThrow();
    Set<Integer> movedEarly = new TreeSet<>();
    Set<Integer> kept = new TreeSet<>();
    for (int p = 0; p < PARTITIONS; p++) {
      int partition = p;
      boolean twoBeforeStop =
          effects.effects().stream()
              .anyMatch(
                  e ->
                      e.server().equals("scale-two")
                          && e.at() < stopAt
                          && partition(e.id()) == partition);
      (twoBeforeStop ? movedEarly : kept).add(partition);
    }
    StringBuilder report =
        new StringBuilder("partitions kept by the first server through the rebalance " + kept);
    long longestKept = 0;
    for (int partition : kept) {
      longestKept =
          Math.max(
              longestKept,
              effects.longestGap(
                  e -> e.server().equals("scale-one") && partition(e.id()) == partition,
                  joined - 60_000,
                  stopAt));
    }
    report.append(": longest pause ").append(longestKept).append(" ms");
    report.append("; partitions handed over ").append(movedEarly).append(": pause ");
    List<String> handovers = new ArrayList<>();
    for (int partition : movedEarly) {
      long lastOne =
          effects.effects().stream()
              .filter(
                  e ->
                      e.server().equals("scale-one")
                          && e.at() < joined + 60_000
                          && partition(e.id()) == partition)
              .mapToLong(EffectJournal.Effect::at)
              .max()
              .orElse(joined);
      long firstTwo =
          effects.effects().stream()
              .filter(e -> e.server().equals("scale-two") && partition(e.id()) == partition)
              .mapToLong(EffectJournal.Effect::at)
              .min()
              .orElse(lastOne);
      handovers.add((firstTwo - lastOne) + " ms");
    }
    return report.append(handovers).toString();
  }

  private static String duplicates(HeraldClient survivor) {
    return survivor
        .get("metrics?scope=application")
        .body()
        .lines()
        .filter(
            line -> line.startsWith("herald_handler_duplicates_total{handler=\"effect-counter\""))
        .findFirst()
        .orElse("none reached effect-counter");
  }

  /**
   * Asks the followed servers' readiness every 250 ms in the background and keeps every answer that
   * was not 200 UP.
   */
  private static final class ReadinessWatch implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private final Map<String, HeraldClient> followed =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    ReadinessWatch() {
      timer.scheduleAtFixedRate(this::check, 250, 250, TimeUnit.MILLISECONDS);
    }

    void follow(String name, HeraldClient server) {
      followed.put(name, server);
    }

    void unfollow(String name) {
      followed.remove(name);
    }

    List<String> failures() {
      return List.copyOf(failures);
    }

    private void check() {
      followed.forEach(
          (name, server) -> {
            try {
              var response = server.get("health/ready");
              if (response.statusCode() != 200 && followed.containsKey(name)) {
                failures.add(name + ": " + response.statusCode() + " " + response.body());
              }
            } catch (RuntimeException e) {
              if (followed.containsKey(name)) {
                failures.add(name + ": " + e);
              }
            }
          });
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
