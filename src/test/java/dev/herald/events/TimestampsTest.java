package dev.herald.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T10:15:00Z",
        "2026-11-25T10:15:00+05:30",
        "2026-11-25T10:15:30.5Z",
        "2026-11-25T00:00:00Z"
      })
  void writesSecondsAlwaysAndReadsBackTheSameInstant(String text) {
    OffsetDateTime time = OffsetDateTime.parse(text);

    assertThat(Timestamps.format(time)).isEqualTo(text);
    assertThat(Timestamps.format(time)).matches(".*T\\d{2}:\\d{2}:\\d{2}.*");
    assertThat(Timestamps.parse(Timestamps.format(time))).isEqualTo(time);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-26T00:40:48Z",
        "2026-11-26T00:40:48.1Z",
        "2026-11-26T00:40:48.123456789Z",
        "2026-11-26T00:40:48.123+05:30",
        "2026-11-26T23:59:59-08:00",
        "2024-02-29T12:00:00Z",
        "2026-11-26T00:40:48-00:00",
        "2026-11-26T00:40:48+18:00",
        "0001-01-01T00:00:00Z",
        "2026-11-26t00:40:48z",
        "2026-11-26T00:40Z",
        "2026-11-26T00:40:48+05:30:15",
        "2026-11-26T00:00:00.Z"
      })
  void readsValidTimestampsAsOffsetDateTimeDoes(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T12:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-31T00:00:00Z",
        "2026-11-26T24:00:00Z",
        "2026-11-26T00:60:00Z",
        "2026-11-26T00:00:61Z",
        "2026-11-26T00:00:00",
        "2026-11-26T00:00:00.1234567890Z",
        "2026-11-26T00:00:00+19:00",
        "2026-11-26T00:00:00+05:60",
        "2026-11-26T00:00:00Zjunk",
        "2026-11-26 00:00:00Z",
        "26-11-26T00:00:00Z",
        "2026-1a-26T00:00:00Z",
        "not a time at all, no"
      })
  void rejectsWhatOffsetDateTimeRejects(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThat(Timestamps.parseUsual(text)).isNull();
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-26T00:40:48Z", "2026-11-26T00:40:48.5+01:00"})
  void theUsualShapeTakesTheFastPath(String text) {
    assertThat(Timestamps.parseUsual(text)).isEqualTo(OffsetDateTime.parse(text));
  }
}
