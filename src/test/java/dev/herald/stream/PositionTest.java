package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PositionTest {

  private static final TopicPartition CHAT_0 = new TopicPartition("chat.message.received.v1", 0);
  private static final TopicPartition CHAT_2 = new TopicPartition("chat.message.received.v1", 2);
  private static final TopicPartition ERROR_1 = new TopicPartition("system.error.v1", 1);

  @Test
  void aPositionReadsBackAsItWasWritten() {
    Position position =
        Position.of(Map.of(CHAT_0, 0L, CHAT_2, 1_234_567_890_123L, ERROR_1, Long.MAX_VALUE));

    Position read = Position.decode(position.encode());

    assertThat(read).isEqualTo(position);
    assertThat(read.offset(CHAT_2)).isEqualTo(1_234_567_890_123L);
    assertThat(read.offset(new TopicPartition("chat.message.received.v1", 1))).isNull();
  }

  @Test
  void theTextIsVersionedUrlSafeAndTheSameForTheSameOffsetsInAnyOrder() {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    offsets.put(ERROR_1, 7L);
    offsets.put(CHAT_2, 3L);
    offsets.put(CHAT_0, 5L);

    String text = Position.of(offsets).encode();

    assertThat(text).startsWith("v1.").matches("[A-Za-z0-9._-]+");
    assertThat(Position.of(Map.of(CHAT_0, 5L, CHAT_2, 3L, ERROR_1, 7L)).encode()).isEqualTo(text);
  }

  @Test
  void manyPartitionsStayWellUnderTheHeaderLimit() {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (int topic = 0; topic < 14; topic++) {
      for (int partition = 0; partition < 12; partition++) {
        offsets.put(
            new TopicPartition("chat.conversation.context_updated.v" + topic, partition),
            1_000_000_000L);
      }
    }

    String text = Position.of(offsets).encode();

    assertThat(text.length()).isLessThan(4096);
    assertThat(Position.decode(text).next()).isEqualTo(Position.of(offsets).next());
  }

  @Test
  void itKnowsWhichTopicsItReads() {
    Position position = Position.of(Map.of(CHAT_2, 1L));

    assertThat(position.reads("chat.message.received.v1")).isTrue();
    assertThat(position.reads("chat.message.received")).isFalse();
    assertThat(position.reads("system.error.v1")).isFalse();
  }

  @Test
  void aTextThatIsNoPositionIsRefusedSayingWhy() {
    assertInvalid("abc", "does not start with a version");
    assertInvalid("", "does not start with a version");
    assertInvalid("v1.", "cut short");
    assertInvalid("v1.!!!!", "not URL-safe Base64");
    assertInvalid("role-matrix", "does not start with a version");
    assertInvalid("x".repeat(20_000), "longer than any position");
  }

  @Test
  void anUnknownVersionIsNamed() {
    assertThatThrownBy(() -> Position.decode("v2.AQ"))
        .isInstanceOf(StreamRefusedException.class)
        .hasMessageContaining("version v2 is unknown")
        .satisfies(
            e ->
                assertThat(((StreamRefusedException) e).reason())
                    .isEqualTo(StreamRefusedException.Reason.INVALID));
  }

  @Test
  void aCutOrPaddedOrRepeatingEncodingIsRefused() {
    String text = Position.of(Map.of(CHAT_0, 300L, CHAT_2, 4L)).encode();
    byte[] bytes = Base64.getUrlDecoder().decode(text.substring(3));

    assertInvalid(v1(java.util.Arrays.copyOf(bytes, bytes.length - 1)), "cut short");
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertInvalid(v1(longer), "bytes after the last partition");
    // one topic, named "t", with partition 0 twice
    assertInvalid(v1(new byte[] {1, 1, 't', 2, 0, 5, 0, 6}), "t-0 twice");
    // no topic at all
    assertInvalid(v1(new byte[] {0}), "names no partition");
    // a topic name longer than Kafka allows
    assertInvalid(v1(new byte[] {1, (byte) 0xFA, 0x01}), "out of range");
    // an offset over 63 bits
    byte[] huge = {1, 1, 't', 1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1};
    assertInvalid(v1(huge), "out of range");
  }

  @Test
  void theMessageQuotesALongTextOnlyInPart() {
    String text = "v1." + "A".repeat(500);

    assertThatThrownBy(() -> Position.decode(text))
        .hasMessageContaining("Last-Event-ID 'v1.AAAA")
        .hasMessageContaining("…'")
        .hasMessageNotContaining("A".repeat(200));
  }

  @Test
  void theReadmesExampleIdReadsAsItSays() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("# id: (v1\\.\\S+)").matcher(readme);

    assertThat(id.find()).isTrue();
    assertThat(Position.decode(id.group(1)).next())
        .containsExactlyEntriesOf(
            Position.of(
                    Map.of(
                        new TopicPartition("chat.message.received.v1", 0), 1042L,
                        new TopicPartition("chat.message.received.v1", 1), 988L,
                        new TopicPartition("chat.message.received.v1", 2), 1103L,
                        new TopicPartition("system.error.v1", 0), 17L,
                        new TopicPartition("system.error.v1", 1), 9L,
                        new TopicPartition("system.error.v1", 2), 21L))
                .next());
  }

  private static String v1(byte[] bytes) {
    return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void assertInvalid(String text, String why) {
    assertThatThrownBy(() -> Position.decode(text))
        .as(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isInstanceOf(StreamRefusedException.class)
        .hasMessageContaining("is not a stream position")
        .hasMessageContaining(why);
  }
}
