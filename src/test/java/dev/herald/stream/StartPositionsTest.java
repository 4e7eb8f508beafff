package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StartPositionsTest {

  private static final TopicPartition CHAT_0 = new TopicPartition("chat.v1", 0);
  private static final TopicPartition CHAT_1 = new TopicPartition("chat.v1", 1);
  private static final TopicPartition CHAT_2 = new TopicPartition("chat.v1", 2);
  private static final TopicPartition ERROR_0 = new TopicPartition("error.v1", 0);

  private static final Map<TopicPartition, Long> BEGINNING =
      Map.of(CHAT_0, 0L, CHAT_1, 100L, CHAT_2, 0L, ERROR_0, 5L);
  private static final Map<TopicPartition, Long> END =
      Map.of(CHAT_0, 10L, CHAT_1, 200L, CHAT_2, 0L, ERROR_0, 50L);

  @Test
  void aFreshStreamStartsAtTheEndOfEveryPartition() {
    StartPositions start = StartPositions.resolve(null, BEGINNING, END);

    assertThat(start.next()).isEqualTo(END);
    assertThat(start.resets()).isEmpty();
  }

  @Test
  void aResumedStreamStartsWhereItsPositionSays() {
    Position from = Position.of(Map.of(CHAT_0, 3L, CHAT_1, 150L, CHAT_2, 0L, ERROR_0, 50L));

    StartPositions start = StartPositions.resolve(from, BEGINNING, END);

    assertThat(start.next()).isEqualTo(from.next());
    assertThat(start.resets()).isEmpty();
  }

  @Test
  void deletedRecordsAreResetToTheFirstOffsetAndTold() {
    Position from = Position.of(Map.of(CHAT_0, 3L, CHAT_1, 40L, CHAT_2, 0L, ERROR_0, 50L));

    StartPositions start = StartPositions.resolve(from, BEGINNING, END);

    assertThat(start.next()).containsEntry(CHAT_1, 100L).containsEntry(CHAT_0, 3L);
    assertThat(start.resets()).containsExactly(new Reset(CHAT_1, 40L, 100L, Reset.Cause.DELETED));
    assertThat(Reset.data(start.resets()))
        .isEqualTo(
            "{\"partitions\":[{\"topic\":\"chat.v1\",\"partition\":1,\"requested\":40,"
                + "\"resumed\":100,\"reason\":\"deleted\",\"lost\":60}]}");
  }

  @Test
  void aNewPartitionIsReadFromItsBeginningAndANewTopicFromItsEnd() {
    Position from = Position.of(Map.of(CHAT_0, 3L, CHAT_2, 0L));

    StartPositions start = StartPositions.resolve(from, BEGINNING, END);

    assertThat(start.next())
        .containsEntry(CHAT_1, 100L) // added since: from its beginning
        .containsEntry(ERROR_0, 50L); // not read before: from its end
  }

  @Test
  void anOffsetBeyondTheEndIsLeftToTheBroker() {
    Position from = Position.of(Map.of(CHAT_0, 999L, CHAT_1, 150L, CHAT_2, 0L, ERROR_0, 50L));

    StartPositions start = StartPositions.resolve(from, BEGINNING, END);

    assertThat(start.next()).containsEntry(CHAT_0, 999L);
    assertThat(start.resets()).isEmpty();
    assertThat(Reset.outOfRange(CHAT_0, 999L, 0L).cause()).isEqualTo(Reset.Cause.REPLACED);
  }
}
