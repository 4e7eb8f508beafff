package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeRangeTest {

  @Test
  void bothEndsMayBeOpen() {
    assertThat(TimeRange.parse(null, " ")).isEqualTo(TimeRange.ALL);
    assertThat(TimeRange.ALL.contains(0)).isTrue();
  }

  @Test
  void endsAreReadAsRfc3339WithAnyOffset() {
    TimeRange range = TimeRange.parse("2026-12-01T11:00:00+01:00", "2026-12-01T10:30:00.5Z");
    assertThat(range.from()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(range.to()).isEqualTo(Instant.parse("2026-12-01T10:30:00.500Z"));
  }

  @Test
  void fromIsInclusiveAndToExclusive() {
    TimeRange range = TimeRange.parse("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z");
    long from = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    long to = Instant.parse("2026-12-01T11:00:00Z").toEpochMilli();
    assertThat(range.contains(from - 1)).isFalse();
    assertThat(range.contains(from)).isTrue();
    assertThat(range.contains(to - 1)).isTrue();
    assertThat(range.contains(to)).isFalse();
  }

  @Test
  void anInvertedRangeIsABadQuery() {
    assertThatThrownBy(() -> TimeRange.parse("2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z"))
        .isInstanceOf(DeadLetterException.InvalidQuery.class)
        .hasMessageContaining("is not before to");
  }

  @Test
  void anEmptyRangeIsABadQueryToo() {
    assertThatThrownBy(() -> TimeRange.parse("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z"))
        .isInstanceOf(DeadLetterException.InvalidQuery.class);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"yesterday", "2026-12-01", "2026-12-01T10:00:00", "1700000000000"})
  void aTimeThatIsNotRfc3339IsABadQueryThatShowsTheShape(String text) {
    assertThatThrownBy(() -> TimeRange.parse(text, null))
        .isInstanceOf(DeadLetterException.InvalidQuery.class)
        .hasMessageContaining("from is '" + text + "'")
        .hasMessageContaining("2026-12-01T10:00:00Z");
  }

  @Test
  void timesBeyondWhatAKafkaTimestampHoldsAreItsNearestEnd() {
    TimeRange range = TimeRange.parse("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z");

    assertThat(range.from()).isEqualTo(Instant.EPOCH);
    assertThat(range.to().toEpochMilli()).isEqualTo(Long.MAX_VALUE);
    assertThat(range.contains(0)).isTrue();
    assertThat(range.contains(Long.MAX_VALUE - 1)).isTrue();
  }

  @Test
  void aPurgeTimeBeforeTheEpochIsTheEpochNotKafkasLatestOffset() {
    // -1 ms would be OffsetSpec "latest" to the offset lookup: every dead letter purged
    assertThat(TimeRange.instant("before", "1969-12-31T23:59:59.999Z")).isEqualTo(Instant.EPOCH);
  }
}
