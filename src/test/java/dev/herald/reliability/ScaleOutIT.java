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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
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
 * gracefully, then a third server joins and is killed (SIGKILL). Every one of 20,000 keyed events
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
  private static CrashServer third;

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
    for (CrashServer server : new CrashServer[] {first, second, third}) {
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
    first = server("scale-one", 9180, 3, List.of());
    first.start();
    first.awaitReady();
    HeraldClient one = new HeraldClient(first.httpPort());
    watch.follow("scale-one", one);
    publish(one, run, 0, EVENTS / 2);
    await("the first server handling")
        .atMost(Duration.ofSeconds(120))
        .until(() -> journal(run).count("scale-one") >= 1_000);

    long joinFrom = System.currentTimeMillis();
    second = server("scale-two", 9182, 3, List.of());
    second.start();
    second.awaitReady();
    HeraldClient two = new HeraldClient(second.httpPort());
    watch.follow("scale-two", two);
    await("the partitions shared by both servers")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sharedBy(owners(), "scale-one", "scale-two"));
    Map<String, Set<Integer>> owners = owners();
    await("readiness names the shared store and both servers")
        .atMost(Duration.ofSeconds(30))
        .until(() -> idempotencyCheck(two).getInt("servers") == 2);
    assertThat(idempotencyCheck(two).getString("store")).isEqualTo("jdbc");
    assertThat(idempotencyCheck(two).containsKey("warning")).isFalse();
    publish(one, run, EVENTS / 2, EVENTS);
    await("the second server handling its share")
        .atMost(Duration.ofSeconds(120))
        .until(() -> journal(run).count("scale-two") >= 500);
    long stopAt = System.currentTimeMillis();
    watch.unfollow("scale-one");
    first.stop();
    assertThat(two.put("api/test/effects/effect-ms/0").statusCode()).isEqualTo(204);

    await("every event applied")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> journal(run).distinct() == EVENTS);
    EffectJournal effects = journal(run);
    assertEveryEffectOnceInOrder(effects);
    await("group committed to the log end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TestKafka.committed(GROUP, TOPIC).equals(TestKafka.endOffsets(TOPIC)));
    assertNothingDeadLettered();
    assertThat(watch.failures()).as("readiness of the servers that stayed").isEmpty();

    System.out.printf(
        "ScaleOutIT graceful: %d effects, %s; owners after the join %s; %s%n",
        effects.effects().size(),
        effects.byServer(),
        owners,
        pauses(effects, owners, joinFrom, stopAt));
  }

  @Test
  @Order(2)
  void aServerKilledWhileSharingTheLoadLosesNothingAndItsRedeliveriesAreAbsorbed()
      throws Exception {
    String run = RUN + "-b-";
    HeraldClient two = new HeraldClient(second.httpPort());
    third = server("scale-three", 9184, 0, List.of(EffectCounter.PAUSE_AFTER + "=1500"));
    third.start();
    third.awaitReady();
    await("the partitions shared by both servers")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sharedBy(owners(), "scale-two", "scale-three"));
    publish(two, run, 0, EVENTS);
    Path parked = Path.of(JOURNAL + ".paused");
    await("the third server parked mid-load")
        .atMost(Duration.ofSeconds(180))
        .until(() -> Files.exists(parked));
    Set<Integer> orphaned = owners().get("scale-three");

    third.kill();
    long killedAt = System.currentTimeMillis();
    await("every event applied")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> journal(run).distinct() == EVENTS);
    EffectJournal effects = journal(run);
    assertEveryEffectOnceInOrder(effects);
    assertThat(effects.count("scale-three")).isEqualTo(1_500);
    await("group committed to the log end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TestKafka.committed(GROUP, TOPIC).equals(TestKafka.endOffsets(TOPIC)));
    assertNothingDeadLettered();
    assertThat(watch.failures()).as("readiness of the server that stayed").isEmpty();

    long takeover =
        effects.effects().stream()
            .filter(
                e ->
                    e.server().equals("scale-two")
                        && e.at() >= killedAt
                        && orphaned.contains(partition(e.id())))
            .mapToLong(EffectJournal.Effect::at)
            .min()
            .orElseThrow();
    System.out.printf(
        "ScaleOutIT kill -9: %d effects, %s; the killed server's partitions %s handled again %d ms"
            + " after the kill; redeliveries absorbed by the survivor: %s%n",
        effects.effects().size(),
        effects.byServer(),
        orphaned,
        takeover - killedAt,
        duplicates(two));
  }

  private static CrashServer server(String name, int port, int effectMs, List<String> extra) {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "-Xms64m",
            "-Xmx384m",
            "herald.idempotency.store=jdbc",
            "herald.idempotency.datasource=jdbc/shared",
            "herald.topics.prefix=" + PREFIX,
            "mp.messaging.incoming.chat-user-session-ended.group.id=" + GROUP,
            "mp.messaging.incoming.chat-user-session-ended.client.id=" + name,
            "mp.messaging.connector.smallrye-kafka.session.timeout.ms=10000",
            "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=1000",
            EffectCounter.JOURNAL + "=" + JOURNAL,
            EffectCounter.SERVER + "=" + name,
            EffectCounter.EFFECT_MS + "=" + effectMs));
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

  /** The partitions of the topic each server's consumer owns now, by server (its client id). */
  private static Map<String, Set<Integer>> owners() throws Exception {
    try (Admin admin = TestBroker.get().admin()) {
      ConsumerGroupDescription group =
          admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
      Map<String, Set<Integer>> owners = new TreeMap<>();
      for (MemberDescription member : group.members()) {
        Set<Integer> owned = owners.computeIfAbsent(member.clientId(), id -> new TreeSet<>());
        member.assignment().topicPartitions().stream()
            .filter(partition -> partition.topic().equals(TOPIC))
            .forEach(partition -> owned.add(partition.partition()));
      }
      return owners;
    }
  }

  /** Whether the two servers, and only they, own every partition, each some. */
  private static boolean sharedBy(Map<String, Set<Integer>> owners, String one, String other) {
    return owners.keySet().equals(Set.of(one, other))
        && !owners.get(one).isEmpty()
        && !owners.get(other).isEmpty()
        && owners.get(one).size() + owners.get(other).size() == PARTITIONS;
  }

  /**
   * How long the first server, and the partitions it kept, went without an effect while the second
   * joined (from its start to the first server's stop), beside the same before it joined, and how
   * long each partition that moved waited between its two owners. Under a backlog one partition's
   * pauses include the time the consumer spends on the others' fetched records.
   */
  private static String pauses(
      EffectJournal effects, Map<String, Set<Integer>> owners, long joinFrom, long stopAt) {
    Set<Integer> kept = owners.get("scale-one");
    long start = effects.effects().get(0).at();
    java.util.function.Predicate<EffectJournal.Effect> onKept =
        e -> e.server().equals("scale-one") && kept.contains(partition(e.id()));
    long perPartitionBefore = 0;
    long perPartitionDuring = 0;
    for (int partition : kept) {
      java.util.function.Predicate<EffectJournal.Effect> onIt =
          e -> e.server().equals("scale-one") && partition(e.id()) == partition;
      perPartitionBefore = Math.max(perPartitionBefore, effects.longestGap(onIt, start, joinFrom));
      perPartitionDuring = Math.max(perPartitionDuring, effects.longestGap(onIt, joinFrom, stopAt));
    }
    List<String> handovers = new ArrayList<>();
    for (int partition : owners.get("scale-two")) {
      long lastOfOne =
          effects.effects().stream()
              .filter(e -> e.server().equals("scale-one") && partition(e.id()) == partition)
              .filter(e -> e.at() < stopAt)
              .mapToLong(EffectJournal.Effect::at)
              .max()
              .orElse(joinFrom);
      long firstOfTwo =
          effects.effects().stream()
              .filter(e -> e.server().equals("scale-two") && partition(e.id()) == partition)
              .mapToLong(EffectJournal.Effect::at)
              .min()
              .orElse(lastOfOne);
      handovers.add(partition + ": " + (firstOfTwo - lastOfOne) + " ms");
    }
    java.util.function.Predicate<EffectJournal.Effect> onOne = e -> e.server().equals("scale-one");
    return String.format(
        "longest pause of the first server while the second joined: %d ms (before it joined: %d"
            + " ms); of the partitions it kept %s: %d ms all together, %d ms on one partition"
            + " (before: %d ms, %d ms); partitions handed over, from their last effect on the"
            + " first server to their first on the second: %s",
        effects.longestGap(onOne, joinFrom, stopAt),
        effects.longestGap(onOne, start, joinFrom),
        kept,
        effects.longestGap(onKept, joinFrom, stopAt),
        perPartitionDuring,
        effects.longestGap(onKept, start, joinFrom),
        perPartitionBefore,
        handovers);
  }

  /** The data of the {@code herald-idempotency} readiness check. */
  private static jakarta.json.JsonObject idempotencyCheck(HeraldClient server) {
    return HeraldClient.json(server.get("health/ready").body()).getJsonArray("checks").stream()
        .map(check -> check.asJsonObject())
        .filter(check -> check.getString("name").equals("herald-idempotency"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
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
