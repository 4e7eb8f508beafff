package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

  private static Cursor cursor() {
    Map<Cursor.Position, Long> bounds = new LinkedHashMap<>();
    bounds.put(new Cursor.Position("chat-message-received", 0), 120L);
    bounds.put(new Cursor.Position("chat-message-received", 1), 0L);
    bounds.put(new Cursor.Position("system-error", 0), 7L);
    return new Cursor(bounds);
  }

  @Test
  void aCursorSurvivesTheRoundTrip() {
    Cursor cursor = cursor();
    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void anEncodedCursorIsUrlSafe() {
    assertThat(cursor().encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void anEncodedCursorReadsAsThePositionsEntryIds() {
    String decoded =
        new String(Base64.getUrlDecoder().decode(cursor().encode()), StandardCharsets.UTF_8);
    assertThat(decoded)
        .isEqualTo("chat-message-received-0-120,chat-message-received-1-0,system-error-0-7");
  }

  @Test
  void aPartitionTheCursorDoesNotNameHasNoBound() {
    assertThat(cursor().bound(new Cursor.Position("system-error", 1))).isNull();
    assertThat(cursor().bound(new Cursor.Position("system-error", 0))).isEqualTo(7L);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"%%%", "bm90IGEgY3Vyc29y", "", "Y2hhdC0wLTEsY2hhdC0wLTI"})
  void textThatIsNotACursorIsABadQuery(String text) {
    // the last one names partition chat-0 twice
    assertThatThrownBy(() -> Cursor.decode(text))
        .isInstanceOf(DeadLetterException.InvalidQuery.class)
        .hasMessageContaining("'next' value of the previous page");
  }
}
