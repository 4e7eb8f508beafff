package dev.herald.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypePatternTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "chat.*, chat.message.received, true",
    "chat.*, chat.user.session_started, true",
    "chat.*, chat.x, true",
    "chat.*, chatter.x, false",
    "chat.*, chat, false",
    "chat.*, system.error, false",
    "chat.message.*, chat.message.sent, true",
    "chat.message.*, chat.conversation.started, false",
    "*, system.error, true",
    "*, chat.message.received, true",
    "chat.message.received, chat.message.received, true",
    "chat.message.received, chat.message.received.v2, false",
    "chat.message.received, chat.message.sent, false",
    "com.Example.Order_Placed, com.Example.Order_Placed, true",
  })
  void matches(String pattern, String type, boolean matches) {
    assertThat(new TypePattern(pattern).matches(type)).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "chat*", "*.received", "chat.*.received", "chat..x", ".*", "chat.**"})
  void otherWildcardsAreRefused(String pattern) {
    assertThatThrownBy(() -> new TypePattern(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chat.*");
  }

  @Test
  void itReadsAsItsPattern() {
    assertThat(new TypePattern("chat.*")).hasToString("chat.*");
  }
}
