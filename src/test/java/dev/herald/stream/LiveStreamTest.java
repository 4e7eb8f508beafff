package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.config.StreamSettings;
import dev.herald.events.Json;
import dev.herald.events.KafkaBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** One stream against a mock consumer and a recording client, a step at a time. */
class LiveStreamTest {

  private static final String TOPIC = "chat.message.received.v1";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);
  private static final StreamSettings SETTINGS =
      new StreamSettings(Duration.ofSeconds(10), 10, 100, Duration.ofSeconds(10));

  private final AtomicLong clock = new AtomicLong();
  private final RecordingSink sink = new RecordingSink();
  private final AtomicReference<StreamEnd> ended = new AtomicReference<>();
  private final List<Integer> streamed = new ArrayList<>();
  private final List<StreamEnd> drops = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final StreamMonitor monitor =
      new StreamMonitor() {
        @Override
        public void streamed(int events) {
          streamed.add(events);
        }

        @Override
        public void dropped(StreamEnd why) {
          drops.add(why);
        }
      };

  @Test
  void eachEventOfTheFilterGoesOutWithThePositionAfterIt() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L, P1, 0L));
    LiveStream stream = stream(consumer, filter(null, "acme"), null, SETTINGS);

    assertThat(stream.begin()).isNull();
    consumer.addRecord(record(P0, 0, event("a-0", "acme")));
    consumer.addRecord(record(P1, 0, event("g-0", "globex")));
    consumer.addRecord(record(P1, 1, event("a-1", "acme")));
    assertThat(stream.step()).isNull();

    assertThat(sink.written.get(0).isComment()).isTrue(); // the greeting that opens the response
    List<RecordingSink.Written> events = sink.events();
    assertThat(events).extracting(RecordingSink.Written::name).containsOnly(TYPE);
    assertThat(events).extracting(w -> id(w.data())).containsExactlyInAnyOrder("a-0", "a-1");
    // the id of each is the position after it: its own record read, and what came before it
    RecordingSink.Written a0 =
        events.stream().filter(w -> id(w.data()).equals("a-0")).findFirst().orElseThrow();
    RecordingSink.Written a1 =
        events.stream().filter(w -> id(w.data()).equals("a-1")).findFirst().orElseThrow();
    assertThat(Position.decode(a0.id()).offset(P0)).isEqualTo(1L);
    // the other tenant's record was skipped, and the position moved past it
    assertThat(Position.decode(a1.id()).offset(P1)).isEqualTo(2L);
    assertThat(Position.decode(events.get(1).id()).next())
        .containsEntry(P0, 1L)
        .containsEntry(P1, 2L);
    assertThat(a1.data()).doesNotContain("\n").contains("\"tenantid\":\"acme\"");
    assertThat(streamed).containsExactly(2);
  }

  @Test
  void resumingFromAnyEventsIdGivesExactlyTheEventsAfterIt() throws Exception {
    List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      TopicPartition partition = List.of(P0, P1, P2).get((i * 7) % 3);
      long offset = log.stream().filter(r -> r.partition() == partition.partition()).count();
      log.add(record(partition, offset, event("e-" + i, i % 4 == 0 ? "globex" : "acme")));
    }
    Map<TopicPartition, Long> beginning = Map.of(P0, 0L, P1, 0L, P2, 0L);
    MockConsumer<String, byte[]> first = consumer(beginning);
    LiveStream reading = stream(first, filter(null, "acme"), null, SETTINGS, beginning);
    reading.begin();
    log.forEach(first::addRecord);
    reading.step();
    List<RecordingSink.Written> all = List.copyOf(sink.events());
    assertThat(all).hasSize(67);

    for (int cut : List.of(0, 1, 33, 66)) {
      RecordingSink resumed = new RecordingSink();
      MockConsumer<String, byte[]> again = consumer(beginning);
      LiveStream resuming =
          new LiveStream(
              "resumed",
              again,
              filter(null, "acme"),
              StartPositions.resolve(Position.decode(all.get(cut).id()), beginning, ends(log)),
              resumed,
              SETTINGS,
              monitor,
              clock::get,
              (ending, why) -> {});
      resuming.begin();
      log.forEach(again::addRecord);
      resuming.step();

      List<String> before = all.subList(0, cut + 1).stream().map(w -> id(w.data())).toList();
      List<String> after = resumed.events().stream().map(w -> id(w.data())).toList();
      Set<String> together = new HashSet<>(before);
      together.addAll(after);
      assertThat(together).as("resumed after event %d", cut).hasSize(67);
      assertThat(before.size() + after.size()).as("none twice").isEqualTo(67);
    }
  }

  @Test
  void aRecordThatIsNoCloudEventIsSkippedAndThePositionMovesPastIt() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream = stream(consumer, filter(null, null), null, SETTINGS);
    stream.begin();

    consumer.addRecord(
        new ConsumerRecord<>(
            TOPIC, 0, 0, "k", "not an event".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    consumer.addRecord(record(P0, 1, event("e-1", "acme")));
    stream.step();

    assertThat(sink.events()).extracting(w -> id(w.data())).containsExactly("e-1");
    assertThat(stream.position().offset(P0)).isEqualTo(2L);
  }

  @Test
  void aQuietStreamSendsAHeartbeatComment() throws Exception {
    LiveStream stream = stream(consumer(Map.of(P0, 0L)), filter(null, null), null, SETTINGS);
    stream.begin();
    int greeting = sink.written.size();

    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(stream.step()).isNull();

    assertThat(sink.written.subList(greeting, sink.written.size()))
        .containsExactly(new RecordingSink.Written(null, null, "heartbeat"));
  }

  @Test
  void aClientWhoseWriteFailedIsGone() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream = stream(consumer, filter(null, null), null, SETTINGS);
    sink.answer = RecordingSink.Answer.FAILED;
    stream.begin();

    assertThat(stream.step()).isEqualTo(StreamEnd.CLIENT_GONE);
  }

  @Test
  void aClientThatTakesNothingIsHeldToMaxPendingThenDropped() throws Exception {
    StreamSettings tight = new StreamSettings(Duration.ofSeconds(10), 10, 3, Duration.ofMillis(1));
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream =
        new LiveStream(
            "slow",
            consumer,
            filter(null, null),
            StartPositions.resolve(null, Map.of(P0, 0L), Map.of(P0, 0L)),
            sink,
            tight,
            monitor,
            System::nanoTime,
            (ending, why) -> ended.set(why));
    stream.begin();
    sink.answer = RecordingSink.Answer.NEVER;
    for (int i = 0; i < 10; i++) {
      consumer.addRecord(record(P0, i, event("e-" + i, "acme")));
    }

    StreamEnd why = stream.step();
    stream.finish(why);

    assertThat(why).isEqualTo(StreamEnd.SLOW);
    assertThat(drops).containsExactly(StreamEnd.SLOW);
    // the greeting, then max-pending events: nothing more was handed over
    assertThat(sink.written).hasSize(4);
    assertThat(consumer.closed()).isTrue();
    assertThat(sink.closed).isTrue();
    assertThat(ended.get()).isEqualTo(StreamEnd.SLOW);
  }

  @Test
  void aWriteBlockedBeyondTheSendTimeoutDropsTheClientWhileItsThreadIsBlocked() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream = stream(consumer, filter(null, null), null, SETTINGS);
    stream.begin();
    sink.answer = RecordingSink.Answer.BLOCKED;
    consumer.addRecord(record(P0, 0, event("e-0", "acme")));
    AtomicReference<StreamEnd> stepped = new AtomicReference<>(StreamEnd.ERROR);
    Thread thread =
        new Thread(
            () -> {
              try {
                stepped.set(stream.step());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    thread.start();
    assertThat(sink.blocking.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    stream.watch();
    assertThat(drops).isEmpty();
    clock.addAndGet(Duration.ofSeconds(11).toNanos());
    stream.watch();
    stream.watch();
    assertThat(drops).containsExactly(StreamEnd.SLOW);

    sink.release();
    thread.join(30_000);
    assertThat(stepped.get()).isNull(); // the write returned; the next step ends the stream
    assertThat(stream.step()).isEqualTo(StreamEnd.SLOW);
    assertThat(drops).containsExactly(StreamEnd.SLOW);
  }

  @Test
  void recordsDeletedWhileTheStreamReadsAreResetAndTold() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream = stream(consumer, filter(null, null), null, SETTINGS);
    stream.begin();
    consumer.addRecord(record(P0, 5, event("e-5", "acme")));
    consumer.updateBeginningOffsets(Map.of(P0, 5L)); // retention removed 0 to 4

    assertThat(stream.step()).isNull();
    assertThat(stream.step()).isNull();

    List<RecordingSink.Written> events = sink.events();
    assertThat(events.get(0).name()).isEqualTo("reset");
    assertThat(events.get(0).data())
        .isEqualTo(
            "{\"partitions\":[{\"topic\":\""
                + TOPIC
                + "\",\"partition\":0,\"requested\":0,"
                + "\"resumed\":5,\"reason\":\"deleted\",\"lost\":5}]}");
    assertThat(Position.decode(events.get(0).id()).offset(P0)).isEqualTo(5L);
    assertThat(events.get(1)).extracting(w -> id(w.data())).isEqualTo("e-5");
  }

  @Test
  void aResumeFromDeletedRecordsStartsWithTheReset() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L, P1, 0L));
    Map<TopicPartition, Long> beginning = Map.of(P0, 4L, P1, 0L);
    LiveStream stream =
        stream(
            consumer, filter(null, null), Position.of(Map.of(P0, 1L, P1, 0L)), SETTINGS, beginning);

    assertThat(stream.begin()).isNull();

    assertThat(sink.events()).extracting(RecordingSink.Written::name).containsExactly("reset");
    assertThat(sink.events().get(0).data()).contains("\"lost\":3");
  }

  @Test
  void aStoppedStreamEndsClosingItsConsumerAndTheResponse() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream = stream(consumer, filter(null, null), null, SETTINGS);
    stream.begin();

    stream.stop();
    StreamEnd why = stream.step();
    stream.finish(why);

    assertThat(why).isEqualTo(StreamEnd.STOPPED);
    assertThat(drops).isEmpty();
    assertThat(consumer.closed()).isTrue();
    assertThat(sink.closed).isTrue();
    assertThat(ended.get()).isEqualTo(StreamEnd.STOPPED);
  }

  @Test
  void theRunLoopEndsOnAStopWithAWakeup() throws Exception {
    MockConsumer<String, byte[]> consumer = consumer(Map.of(P0, 0L));
    LiveStream stream = stream(consumer, filter(null, null), null, SETTINGS);
    Thread thread = new Thread(stream);

    thread.start();
    stream.stop();
    thread.join(30_000);

    assertThat(thread.isAlive()).isFalse();
    assertThat(ended.get()).isEqualTo(StreamEnd.STOPPED);
    assertThat(consumer.closed()).isTrue();
  }

  private static final String TYPE = "chat.message.received";

  private LiveStream stream(
      MockConsumer<String, byte[]> consumer,
      StreamFilter filter,
      Position from,
      StreamSettings settings) {
    return stream(consumer, filter, from, settings, Map.of(P0, 0L, P1, 0L, P2, 0L));
  }

  private LiveStream stream(
      MockConsumer<String, byte[]> consumer,
      StreamFilter filter,
      Position from,
      StreamSettings settings,
      Map<TopicPartition, Long> beginning) {
    Map<TopicPartition, Long> end = new HashMap<>();
    consumer.partitionsFor(TOPIC); // nothing: partitions come from beginning
    beginning.keySet().forEach(p -> end.put(p, beginning.get(p)));
    return new LiveStream(
        "test",
        consumer,
        filter,
        StartPositions.resolve(from, beginning, end),
        sink,
        settings,
        monitor,
        clock::get,
        (ending, why) -> ended.set(why));
  }

  private static MockConsumer<String, byte[]> consumer(Map<TopicPartition, Long> beginning) {
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("none");
    consumer.updateBeginningOffsets(beginning);
    return consumer;
  }

  private static Map<TopicPartition, Long> ends(List<ConsumerRecord<String, byte[]>> log) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    log.forEach(
        r -> ends.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
    return ends;
  }

  private static StreamFilter filter(String types, String tenant) {
    return StreamFilter.of(StreamRequest.parse(types, tenant, null), null);
  }

  private static CloudEvent event(String id, String tenant) {
    return CloudEvent.builder()
        .id(id)
        .source("/tests")
        .type(TYPE)
        .tenantid(tenant)
        .data(Json.MAPPER.readTree("{\"text\":\"line one\\nline two\"}"))
        .build();
  }

  private static ConsumerRecord<String, byte[]> record(
      TopicPartition partition, long offset, CloudEvent event) {
    Headers headers = KafkaBinding.headers(event);
    return new ConsumerRecord<>(
        partition.topic(),
        partition.partition(),
        offset,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        event.tenantid(),
        KafkaBinding.value(event),
        headers,
        java.util.Optional.empty());
  }

  private static String id(String data) {
    return Json.MAPPER.readTree(data).get("id").stringValue();
  }
}
