package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.events.TypePattern;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StreamRequestTest {

  @Test
  void nothingAskedMeansEveryTypeEveryTenantFromTheEnd() {
    StreamRequest request = StreamRequest.parse(null, " ", "");

    assertThat(request.types()).isEmpty();
    assertThat(request.tenant()).isNull();
    assertThat(request.from()).isNull();
  }

  @Test
  void typesAreCommaSeparatedPatterns() {
    StreamRequest request = StreamRequest.parse("chat.*, system.error,,", "acme", null);

    assertThat(request.types())
        .containsExactly(new TypePattern("chat.*"), new TypePattern("system.error"));
    assertThat(request.tenant()).isEqualTo("acme");
  }

  @Test
  void aBadPatternIsRefusedWithTheHelpOfTheTypePattern() {
    assertThatThrownBy(() -> StreamRequest.parse("chat.**", null, null))
        .isInstanceOf(StreamRefusedException.class)
        .hasMessageContaining("types: 'chat.**' is not an event type pattern");
  }

  @Test
  void atMost64Patterns() {
    String many = String.join(",", java.util.Collections.nCopies(65, "chat.*"));

    assertThatThrownBy(() -> StreamRequest.parse(many, null, null))
        .hasMessageContaining("more than 64 patterns");
    assertThat(StreamRequest.parse(many.substring(7), null, null).types()).hasSize(64);
  }

  @Test
  void aTenantIsAtMost256CharactersWithoutControlCharacters() {
    assertThat(StreamRequest.parse(null, "t".repeat(256), null).tenant()).hasSize(256);
    assertThatThrownBy(() -> StreamRequest.parse(null, "t".repeat(257), null))
        .hasMessageContaining("at most 256");
    assertThatThrownBy(() -> StreamRequest.parse(null, "a\u0000b", null))
        .hasMessageContaining("control character");
  }

  @Test
  void theLastEventIdIsAPosition() {
    Position position = Position.of(Map.of(new TopicPartition("t", 0), 9L));

    assertThat(StreamRequest.parse(null, null, position.encode()).from()).isEqualTo(position);
    assertThatThrownBy(() -> StreamRequest.parse(null, null, "42"))
        .hasMessageContaining("not a stream position");
  }
}
