package dev.herald.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class LanesTest {

  private final List<String> started = new ArrayList<>();
  private final List<CompletableFuture<Void>> running = new ArrayList<>();

  private CompletionStage<Void> work(String name) {
    started.add(name);
    CompletableFuture<Void> done = new CompletableFuture<>();
    running.add(done);
    return done;
  }

  @Test
  void recordsOfOneKeyRunOneAfterTheOtherAndOtherKeysDoNotWait() {
    Lanes lanes = new Lanes("c", 10);

    lanes.submit("a", () -> work("a1"));
    lanes.submit("a", () -> work("a2"));
    lanes.submit("b", () -> work("b1"));

    assertThat(started).containsExactly("a1", "b1");
    running.get(0).complete(null);
    assertThat(started).containsExactly("a1", "b1", "a2");
  }

  @Test
  void aFailedRecordDoesNotBlockItsKey() {
    Lanes lanes = new Lanes("c", 10);

    lanes.submit("a", () -> work("a1"));
    lanes.submit("a", () -> work("a2"));
    running.get(0).completeExceptionally(new IllegalStateException("nack failed"));

    assertThat(started).containsExactly("a1", "a2");
  }

  @Test
  void theChannelWaitsForRoomWhenMaxInFlightRecordsRun() {
    Lanes lanes = new Lanes("c", 2);

    CompletionStage<Void> first = lanes.submit("a", () -> work("a1"));
    CompletionStage<Void> second = lanes.submit("b", () -> work("b1"));

    assertThat(first.toCompletableFuture()).isDone();
    assertThat(second.toCompletableFuture()).isNotDone();
    running.get(1).complete(null);
    assertThat(second.toCompletableFuture()).isDone();
  }

  @Test
  void oneInFlightHandlesEveryRecordOfTheChannelInTurn() {
    Lanes lanes = new Lanes("c", 1);

    CompletionStage<Void> first = lanes.submit("a", () -> work("a1"));

    assertThat(first.toCompletableFuture()).isNotDone();
    running.get(0).complete(null);
    assertThat(first.toCompletableFuture()).isDone();
  }
}
