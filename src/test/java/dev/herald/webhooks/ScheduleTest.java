package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private final Schedule schedule = new Schedule();

  @Test
  void dueDeliveriesComeInTheOrderTheyWereWrittenAndNotTwiceWhileUnderWay() {
    schedule.apply("wh_1/b", delivery("wh_1", "b", NOW), 0, 7);
    schedule.apply("wh_1/a", delivery("wh_1", "a", NOW.minusSeconds(5)), 0, 3);
    schedule.apply("wh_1/later", delivery("wh_1", "later", NOW.plusSeconds(5)), 0, 1);
    schedule.apply("wh_2/c", delivery("wh_2", "c", NOW), 1, 0);

    assertThat(schedule.due(NOW))
        .extracting(PendingDelivery::eventId)
        .containsExactly("a", "b", "c");
    assertThat(schedule.next()).isEqualTo(NOW.minusSeconds(5));

    schedule.started("wh_1/a");
    assertThat(schedule.due(NOW)).extracting(PendingDelivery::eventId).containsExactly("b", "c");
    schedule.finished("wh_1/a");
    assertThat(schedule.due(NOW)).extracting(PendingDelivery::eventId).contains("a");
    assertThat(schedule.pending()).isEqualTo(4);
  }

  @Test
  void anOlderRecordReadAfterThisServersOwnWriteIsIgnored() {
    schedule.apply(
        "wh_1/a",
        delivery("wh_1", "a", NOW.plusSeconds(60)).failed(NOW, NOW.plusSeconds(60)),
        0,
        9);
    schedule.apply("wh_1/a", delivery("wh_1", "a", NOW), 0, 4); // the consumer catches up

    assertThat(schedule.due(NOW)).isEmpty();
    assertThat(schedule.next()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aTombstoneIsRememberedUntilReadSoThatOlderRecordsCannotBringTheDeliveryBack() {
    schedule.apply("wh_1/a", null, 0, 12); // this server finished it
    schedule.apply("wh_1/a", delivery("wh_1", "a", NOW), 0, 5); // read later: older
    assertThat(schedule.due(NOW)).isEmpty();
    assertThat(schedule.pending()).isZero();

    schedule.apply("wh_1/a", null, 0, 12); // the consumer reads the tombstone
    schedule.apply("wh_1/a", delivery("wh_1", "a", NOW), 0, 20); // delivered anew later
    assertThat(schedule.due(NOW)).hasSize(1);
  }

  @Test
  void partitionsThatGoAreForgottenAndAPostponedDeliveryWaits() {
    schedule.apply("wh_1/a", delivery("wh_1", "a", NOW), 0, 1);
    schedule.apply("wh_1/b", delivery("wh_1", "b", NOW), 1, 1);
    schedule.drop(List.of(1));
    assertThat(schedule.due(NOW)).extracting(PendingDelivery::eventId).containsExactly("a");

    schedule.postpone("wh_1/a", NOW.plusSeconds(5));
    assertThat(schedule.due(NOW)).isEmpty();
    assertThat(schedule.due(NOW.plusSeconds(5))).hasSize(1);

    schedule.clear();
    assertThat(schedule.pending()).isZero();
    assertThat(schedule.next()).isNull();
  }

  static PendingDelivery delivery(String endpoint, String eventId, Instant due) {
    return new PendingDelivery(
        endpoint, eventId, "chat.message.received", "acme", "t-0@1", "{}", 0, null, due);
  }
}
