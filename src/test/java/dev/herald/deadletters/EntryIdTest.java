package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryIdTest {

  @Test
  void anIdIsTheChannelThePartitionAndTheOffsetJoinedByDashes() {
    assertThat(new EntryId("chat-message-received", 2, 41))
        .hasToString("chat-message-received-2-41");
  }

  @Test
  void anIdIsParsedFromTheRightSinceChannelNamesHoldDashes() {
    assertThat(EntryId.parse("chat-conversation-context-updated-0-1234567890123"))
        .isEqualTo(new EntryId("chat-conversation-context-updated", 0, 1_234_567_890_123L));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "chat",
        "chat-1",
        "-0-1",
        "chat-x-1",
        "chat-0-y",
        "chat-0-",
        "chat--1",
        "chat-+1-2",
        "chat-01-2",
        "chat-0-99999999999999999999",
        "chat-2147483648-0"
      })
  void textThatNamesNoDeadLetterIsNotFound(String text) {
    assertThatThrownBy(() -> EntryId.parse(text))
        .isInstanceOf(DeadLetterException.NotFound.class)
        .hasMessageContaining("<channel>-<partition>-<offset>");
  }

  @Test
  void nullIsNotFound() {
    assertThatThrownBy(() -> EntryId.parse(null)).isInstanceOf(DeadLetterException.NotFound.class);
  }

  @Test
  void everyIdSurvivesTheRoundTrip() {
    EntryId id = new EntryId("system-error", 11, 0);
    assertThat(EntryId.parse(id.toString())).isEqualTo(id);
  }
}
