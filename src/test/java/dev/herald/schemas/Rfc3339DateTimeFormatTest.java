package dev.herald.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.format.DateTimeFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339DateTimeFormatTest {

  private final DateTimeFormat library = new DateTimeFormat();
  private final Rfc3339DateTimeFormat fast = new Rfc3339DateTimeFormat();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-26T00:40:48Z",
        "2026-11-26T00:40:48.123456789Z",
        "2026-11-26T00:40:48.123+05:30",
        "2026-11-26T00:40:48-00:00",
        "2024-02-29T12:00:00Z",
        "2026-02-29T12:00:00Z",
        "2026-11-31T00:00:00Z",
        "2026-11-26T24:00:00Z",
        "2026-12-31T23:59:60Z",
        "2026-11-26t00:40:48z",
        "2026-11-26T00:40Z",
        "2026-11-26T00:00:00",
        "2026-11-26T00:00:00+19:00",
        "2026-11-26T00:00:00+23:59",
        "2026-11-26 00:00:00Z",
        "2026-11-26T00:00:00.Z",
        "yesterday"
      })
  void acceptsExactlyWhatTheValidatorsOwnFormatAccepts(String value) {
    assertThat(fast.matches(null, value)).isEqualTo(library.matches(null, value));
    assertThat(fast.getName()).isEqualTo("date-time");
  }
}
