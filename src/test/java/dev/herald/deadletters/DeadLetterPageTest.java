package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterPageTest {

  @Test
  void theLimitIsFiftyUnlessGiven() {
    assertThat(DeadLetterPage.limit(null)).isEqualTo(50);
    assertThat(DeadLetterPage.limit("")).isEqualTo(50);
    assertThat(DeadLetterPage.limit("1")).isEqualTo(1);
    assertThat(DeadLetterPage.limit("500")).isEqualTo(500);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0", "-1", "501", "ten", "1.5"})
  void aLimitOutsideOneToFiveHundredIsABadQuery(String limit) {
    assertThatThrownBy(() -> DeadLetterPage.limit(limit))
        .isInstanceOf(DeadLetterException.InvalidQuery.class)
        .hasMessageContaining("from 1 to 500");
  }
}
