package dev.herald.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.EffectCounter;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestBroker;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestKafka;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault injection: the broker stops in the middle of 20,000 events and comes back. */
@HeraldIT
class BrokerRestartIT {

  private static final int EVENTS = 20_000;
  private static final int BATCH = 1_000;
  private static final String DLQ = EffectCounter.TYPE + ".v1.dlq";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();

  @AfterEach
  void brokerIsBack() {
    TestBroker.get().start();
  }

  @Test
  void everyEventTakesEffectExactlyOnceAndNoneIsDeadLettered() throws Exception {
    String run = "restart-" + UUID.randomUUID() + "-";
    // Herald's probe creates the dead-letter topic within a probe interval of the deployment.
    Map<TopicPartition, Long> deadBefore =
        await("the dead-letter topic exists")
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> TestKafka.endOffsets(DLQ), offsets -> !offsets.isEmpty());
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    // The publisher retries a batch until the broker stores it, as a client of Herald would.
    CompletableFuture<Void> publishing =
        CompletableFuture.runAsync(
            () -> {
              for (int batch = 0; batch < EVENTS / BATCH; batch++) {
                String body =
                    TestEvents.batch(EffectCounter.TYPE, run, batch * BATCH, (batch + 1) * BATCH);
                while (true) {
                  HttpResponse<String> response = herald.postJson("api/events/batch", body);
                  if (response.statusCode() == 202) {
                    stored.addAndGet(BATCH);
                    break;
                  }
                  if (response.statusCode() == 503) {
                    refused.incrementAndGet();
                    continue;
                  }
                  unexpected.add(response.statusCode() + " " + response.body());
                  return;
                }
              }
            });

    await("a quarter stored").atMost(Duration.ofSeconds(120)).until(() -> stored.get() >= 5_000);
    TestBroker.get().stop();
    await("the publisher told of the outage")
        .atMost(Duration.ofSeconds(90))
        .until(() -> refused.get() > 0 || publishing.isDone());
    TestBroker.get().start();
    publishing.get(300, TimeUnit.SECONDS);

    assertThat(unexpected).isEmpty();
    assertThat(stored.get()).isEqualTo(EVENTS);
    assertThat(refused.get()).as("publishes refused while the broker was away").isPositive();
    await("every event handled")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> effects(run).getJsonNumber("distinct").longValue() == EVENTS);
    assertThat(effects(run).getJsonNumber("total").longValue()).isEqualTo(EVENTS);
    assertThat(TestKafka.endOffsets(DLQ)).isEqualTo(deadBefore);
    System.out.printf(
        "BrokerRestartIT: %d events stored, %d publishes refused during the outage, %s%n",
        stored.get(), refused.get(), effects(run));
  }

  private JsonObject effects(String run) {
    return HeraldClient.json(herald.get("api/test/effects/" + run).body());
  }
}
