package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.BrokerExtension;
import dev.herald.testing.CrashServer;
import dev.herald.testing.EffectCounter;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault injection: the server process is killed (SIGKILL) in the middle of 20,000 events, at a
 * known point (a handler parked before its effect), then started again. Records handled but not yet
 * committed are redelivered; the JDBC idempotency store keeps them from taking effect twice.
 */
@ExtendWith(BrokerExtension.class)
class ServerCrashIT {

  private static final int EVENTS = 20_000;
  private static final int BATCH = 1_000;
  private static final String TOPIC = EffectCounter.TYPE + ".v1";
  private static final String GROUP = "herald-chat-user-session-ended";

  @Test
  void killedServerResumesWithEveryEffectAppliedOnceAndTheGroupCommittedToTheEnd()
      throws Exception {
    String run = "crash-" + UUID.randomUUID() + "-";
    Path journal = Path.of("target", run + "effects.log").toAbsolutePath();
    try (CrashServer server =
        new CrashServer(
            9180,
            List.of(
                "herald.idempotency.store=jdbc",
                EffectCounter.JOURNAL + "=" + journal,
                EffectCounter.PAUSE_AT + "=" + run + 8_000))) {
      server.start();
      HeraldClient herald = new HeraldClient(server.httpPort());
      server.awaitReady();
      Map<TopicPartition, Long> deadBefore = TestKafka.endOffsets(TOPIC + ".dlq");
      herald.publishBatches(EffectCounter.TYPE, run, EVENTS, BATCH);
      Path paused = Path.of(journal + ".paused");
      await("handler parked at event 8,000")
          .atMost(Duration.ofSeconds(120))
          .until(() -> Files.exists(paused));
      long appliedBeforeCrash = Files.readAllLines(journal).size();

      server.kill();
      server.start();
      server.awaitReady();

      await("every event applied")
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> new HashSet<>(Files.readAllLines(journal)).size() == EVENTS);
      List<String> effects = Files.readAllLines(journal);
      assertThat(effects).hasSize(EVENTS).doesNotHaveDuplicates();
      await("group committed to the log end")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> TestKafka.committed(GROUP, TOPIC).equals(TestKafka.endOffsets(TOPIC)));
      assertThat(TestKafka.endOffsets(TOPIC + ".dlq")).isEqualTo(deadBefore);
      String duplicates =
          herald
              .get("metrics?scope=application")
              .body()
              .lines()
              .filter(
                  line ->
                      line.startsWith("herald_handler_duplicates_total{handler=\"effect-counter\""))
              .findFirst()
              .orElse("no redelivered event reached effect-counter");
      System.out.printf(
          "ServerCrashIT: %d effects before the kill, %d after restart, %d distinct; %s%n",
          appliedBeforeCrash,
          effects.size() - appliedBeforeCrash,
          new HashSet<>(effects).size(),
          duplicates);
    }
  }
}
