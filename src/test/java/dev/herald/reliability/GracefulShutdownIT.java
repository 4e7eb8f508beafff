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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code server stop} in the middle of a stream: the channel stops, the events in hand finish,
 * their offsets are committed, so that after a restart no event is handled twice, though the
 * in-memory idempotency store (the default, used here) forgot everything.
 */
@ExtendWith(BrokerExtension.class)
class GracefulShutdownIT {

  private static final int EVENTS = 3_000;
  private static final int BATCH = 1_000;

  @Test
  void stoppedServerCommitsWhatItHandledAndResumesWithoutHandlingAnythingTwice() throws Exception {
    String run = "graceful-" + UUID.randomUUID() + "-";
    String prefix = run.replace("-", "") + ".";
    String topic = prefix + EffectCounter.TYPE + ".v1";
    String group = run + "group";
    Path journal = Path.of("target", run + "effects.log").toAbsolutePath();
    try (CrashServer server =
        new CrashServer(
            9180,
            List.of(
                "herald.topics.prefix=" + prefix,
                "mp.messaging.incoming.chat-user-session-ended.group.id=" + group,
                EffectCounter.JOURNAL + "=" + journal,
                EffectCounter.EFFECT_MS + "=2"))) {
      server.start();
      HeraldClient herald = new HeraldClient(server.httpPort());
      server.awaitReady();
      herald.publishBatches(EffectCounter.TYPE, run, EVENTS, BATCH);
      await("handling under way")
          .atMost(Duration.ofSeconds(120))
          .until(() -> Files.exists(journal) && Files.readAllLines(journal).size() >= 500);

      long stopStarted = System.nanoTime();
      server.stop();
      long stopMillis = (System.nanoTime() - stopStarted) / 1_000_000;

      List<String> beforeStop = Files.readAllLines(journal);
      long committed = TestKafka.committed(group, topic).values().stream().mapToLong(o -> o).sum();
      assertThat(beforeStop).doesNotHaveDuplicates();
      long deadLettered =
          TestKafka.endOffsets(topic + ".dlq").values().stream().mapToLong(o -> o).sum();
      if (deadLettered > 0) {
        ConsumerRecord<String, byte[]> dead = TestKafka.awaitRecord(topic + ".dlq", r -> true);
        throw new AssertionError(
            deadLettered
                + " records dead-lettered by the stop, e.g. "
                + TestKafka.header(dead, "dead-letter-reason").orElse("(no reason)"));
      }
      assertThat(committed)
          .as("offsets committed at the stop = events handled before it")
          .isEqualTo(beforeStop.size());

      server.start();
      server.awaitReady();
      await("every event applied")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> new HashSet<>(Files.readAllLines(journal)).size() == EVENTS);
      assertThat(Files.readAllLines(journal)).hasSize(EVENTS).doesNotHaveDuplicates();
      System.out.printf(
          "GracefulShutdownIT: %d of %d events handled and committed before the stop (%d ms), the"
              + " rest after the restart, none twice%n",
          beforeStop.size(), EVENTS, stopMillis);
    }
  }
}
