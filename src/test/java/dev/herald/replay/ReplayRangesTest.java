package dev.herald.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayRangesTest {

  private static final String TOPIC = "system.error.v1";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);

  @Test
  void aTimeRangeRunsFromTheFirstRecordAtFromToTheFirstRecordAfterTo() {
    var ranges =
        ReplayRanges.byTime(
            Map.of(P0, 100L, P1, 50L),
            Map.of(P0, at(10), P1, at(20)),
            Map.of(P0, at(40), P1, at(30)));

    assertThat(ranges)
        .containsExactly(new PartitionRange(0, 10, 40), new PartitionRange(1, 20, 30));
  }

  @Test
  void nothingAtOrAfterFromMakesThePartitionEmpty() {
    // KAFKA-5534: offsetsForTimes answers null for such a partition
    Map<TopicPartition, OffsetAndTimestamp> atFrom = new HashMap<>();
    atFrom.put(P0, null);
    atFrom.put(P1, at(5));

    var ranges = ReplayRanges.byTime(Map.of(P0, 100L, P1, 50L, P2, 0L), atFrom, null);

    assertThat(ranges)
        .containsExactly(
            new PartitionRange(0, 100, 100),
            new PartitionRange(1, 5, 50),
            new PartitionRange(2, 0, 0));
    assertThat(ranges.get(0).empty()).isTrue();
    assertThat(ranges.get(1).empty()).isFalse();
    assertThat(ranges.get(2).empty()).isTrue();
  }

  @Test
  void nothingAfterToEndsThePartitionAtItsEndOffsetAtTheStart() {
    Map<TopicPartition, OffsetAndTimestamp> afterTo = new HashMap<>();
    afterTo.put(P0, null);

    var ranges = ReplayRanges.byTime(Map.of(P0, 100L, P1, 50L), Map.of(P0, at(10)), afterTo);

    assertThat(ranges)
        .containsExactly(new PartitionRange(0, 10, 100), new PartitionRange(1, 50, 50));
  }

  @Test
  void recordsWrittenAfterTheEndOffsetsWereReadAreNotPartOfTheRange() {
    // offsetsForTimes runs after endOffsets: it may find records written in between
    var ranges = ReplayRanges.byTime(Map.of(P0, 100L), Map.of(P0, at(120)), Map.of(P0, at(130)));

    assertThat(ranges).containsExactly(new PartitionRange(0, 100, 100));
  }

  @Test
  void offsetsAreCheckedAgainstTheLogAndEndAfterTo() {
    var ranges =
        ReplayRanges.byOffsets(
            TOPIC,
            Map.of(1, new ReplayRequest.Offsets(5, 5), 0, new ReplayRequest.Offsets(2, 9)),
            Map.of(P0, 2L, P1, 0L),
            Map.of(P0, 10L, P1, 6L));

    assertThat(ranges).containsExactly(new PartitionRange(0, 2, 10), new PartitionRange(1, 5, 6));
  }

  @Test
  void offsetsBeforeTheLogStartAreRefused() {
    assertThatThrownBy(
            () ->
                ReplayRanges.byOffsets(
                    TOPIC,
                    Map.of(0, new ReplayRequest.Offsets(1, 3)),
                    Map.of(P0, 2L),
                    Map.of(P0, 10L)))
        .isInstanceOf(ReplayRefusedException.class)
        .hasMessage(
            "Offset 1 of partition 0 is no longer in system.error.v1: the partition starts at"
                + " offset 2");
  }

  @Test
  void offsetsNotWrittenYetAreRefused() {
    assertThatThrownBy(
            () ->
                ReplayRanges.byOffsets(
                    TOPIC,
                    Map.of(0, new ReplayRequest.Offsets(1, 10)),
                    Map.of(P0, 0L),
                    Map.of(P0, 10L)))
        .isInstanceOf(ReplayRefusedException.class)
        .hasMessage(
            "Offset 10 of partition 0 is not written yet: the last offset of system.error.v1"
                + " there is 9");
  }

  @Test
  void anUnknownPartitionIsRefused() {
    assertThatThrownBy(
            () ->
                ReplayRanges.byOffsets(
                    TOPIC,
                    Map.of(3, new ReplayRequest.Offsets(0, 0)),
                    Map.of(P0, 0L, P1, 0L, P2, 0L),
                    Map.of(P0, 1L, P1, 1L, P2, 1L)))
        .isInstanceOfSatisfying(
            ReplayRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReplayRefusedException.Reason.INVALID))
        .hasMessage("Topic system.error.v1 has no partition 3; it has partitions 0 to 2");
  }

  @Test
  void timesAreTurnedIntoTheMillisecondsOfRecordTimestamps() {
    Instant whole = Instant.parse("2026-11-25T10:00:00.123Z");
    Instant fraction = Instant.parse("2026-11-25T10:00:00.1234Z");

    assertThat(ReplayRanges.firstMilliAtOrAfter(whole)).isEqualTo(whole.toEpochMilli());
    assertThat(ReplayRanges.firstMilliAtOrAfter(fraction)).isEqualTo(whole.toEpochMilli() + 1);
    assertThat(ReplayRanges.firstMilliAfter(whole)).isEqualTo(whole.toEpochMilli() + 1);
    assertThat(ReplayRanges.firstMilliAfter(fraction)).isEqualTo(whole.toEpochMilli() + 1);
    assertThat(ReplayRanges.firstMilliAtOrAfter(Instant.parse("1960-01-01T00:00:00Z"))).isZero();
    assertThat(ReplayRanges.firstMilliAfter(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
  }

  private static OffsetAndTimestamp at(long offset) {
    return new OffsetAndTimestamp(offset, 1_000 + offset);
  }
}
