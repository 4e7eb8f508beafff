package dev.herald.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.config.EventChannel;
import dev.herald.events.Json;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

  private static final EventChannel BY_TENANT =
      new EventChannel("t.x.happened", "t-x-happened", "t.x.happened.v1", "dlq", "g", "tenantid");
  private static final EventChannel BY_SUBJECT =
      new EventChannel("t.x.happened", "t-x-happened", "t.x.happened.v1", "dlq", "g", "subject");

  private final CloudEvent.Builder event =
      CloudEvent.builder()
          .type("t.x.happened")
          .source("/s")
          .subject("conversation/7")
          .tenantid("acme")
          .data(Json.MAPPER.createObjectNode());

  @Test
  void tenantIsTheKeyByDefault() {
    assertThat(KafkaEventPublisher.key(event.build(), BY_TENANT)).isEqualTo("acme");
  }

  @Test
  void aTypeMayKeyByAnotherAttribute() {
    assertThat(KafkaEventPublisher.key(event.build(), BY_SUBJECT)).isEqualTo("conversation/7");
  }

  @Test
  void partitionKeyExtensionWins() {
    assertThat(KafkaEventPublisher.key(event.extension("partitionkey", "p-1").build(), BY_SUBJECT))
        .isEqualTo("p-1");
  }

  @Test
  void noTenantMeansNoKey() {
    assertThat(KafkaEventPublisher.key(event.tenantid(null).build(), BY_TENANT)).isNull();
  }
}
