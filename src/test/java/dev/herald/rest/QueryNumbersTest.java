package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryNumbersTest {

  @Test
  void anAbsentOrBlankParameterIsTheDefault() {
    assertThat(QueryNumbers.read("limit", null, 100, 0, 500)).isEqualTo(100);
    assertThat(QueryNumbers.read("limit", " ", 100, 0, 500)).isEqualTo(100);
  }

  @Test
  void aWholeNumberInRangeIsRead() {
    assertThat(QueryNumbers.read("limit", " 7 ", 100, 0, 500)).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "501", "1.5", "99999999999", "0x10", "\u0000"})
  void anythingElseIsA400NamingTheParameter(String text) {
    assertThatThrownBy(() -> QueryNumbers.read("limit", text, 100, 0, 500))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().detail()).startsWith("limit is '");
            });
  }
}
