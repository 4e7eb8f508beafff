package dev.herald.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingDeliveryTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void itSurvivesItsRecordBeforeAndAfterAFailedAttempt() {
    PendingDelivery first =
        PendingDelivery.first(
            "wh_1",
            new WebhookMessage("ev-1", "{\"id\":\"ev-1\"}"),
            "chat.message.received",
            null,
            "herald.chat.message.received-0@42",
            NOW);
    assertThat(PendingDelivery.fromJson(first.toJson())).isEqualTo(first);
    assertThat(first.key()).isEqualTo("wh_1/ev-1");
    assertThat(first.message()).isEqualTo(new WebhookMessage("ev-1", "{\"id\":\"ev-1\"}"));

    PendingDelivery failed = first.failed(NOW, NOW.plusSeconds(5));
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.firstAttemptAt()).isEqualTo(NOW);
    assertThat(failed.due()).isEqualTo(NOW.plusSeconds(5));
    PendingDelivery again = failed.failed(NOW.plusSeconds(5), NOW.plusSeconds(300));
    assertThat(again.attempts()).isEqualTo(2);
    assertThat(again.firstAttemptAt()).as("the first attempt stays").isEqualTo(NOW);
    assertThat(PendingDelivery.fromJson(again.toJson())).isEqualTo(again);
  }

  @Test
  void anotherToolsRecordIsNoDelivery() {
    assertThat(PendingDelivery.fromJson("{\"hello\":1}".getBytes(UTF_8))).isNull();
    assertThat(PendingDelivery.fromJson("not json".getBytes(UTF_8))).isNull();
  }

  @Test
  void itsTextNamesItsKeyButNotItsBody() {
    PendingDelivery delivery = ScheduleTest.delivery("wh_1", "ev-1", NOW);
    assertThat(delivery.toString()).contains("wh_1/ev-1").doesNotContain("{}");
  }
}
