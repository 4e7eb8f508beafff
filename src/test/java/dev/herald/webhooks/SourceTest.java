package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SourceTest {

  @Test
  void aTopicWithDashesAndDotsReadsBack() {
    Source source = new Source(new TopicPartition("staging.chat-message.received.v1", 11), 42);
    assertThat(source).hasToString("staging.chat-message.received.v1-11@42");
    assertThat(Source.parse(source.toString())).isEqualTo(source);
  }

  @Test
  void anythingElseIsRefused() {
    for (String text : new String[] {"topic@1", "-1@2", "topic-x@1", "topic-1@", "topic-1"}) {
      assertThatThrownBy(() -> Source.parse(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
