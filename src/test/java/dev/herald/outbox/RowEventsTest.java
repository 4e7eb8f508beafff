package dev.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.CloudEvent;
import dev.herald.testing.TestEvents;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Events to outbox rows and back. */
class RowEventsTest {

  @Test
  void anEventWrittenAndReadBackKeepsItsAttributesAndIsKeyedByItsAggregate() {
    CloudEvent event =
        TestEvents.eventWithData(TestEvents.latestData())
            .id("e-1")
            .subject("order-42")
            .time(OffsetDateTime.of(2026, 12, 2, 10, 0, 0, 0, ZoneOffset.UTC))
            .tenantid("acme")
            .correlationid("c-9")
            .extension("schemaversion", "2")
            .build();

    OutboxRow row = RowEvents.row("order", "order-42", event);
    CloudEvent back = RowEvents.event(row, true);

    assertThat(row.tenantid()).isEqualTo("acme");
    assertThat(row.schemaversion()).isEqualTo("2");
    assertThat(row.extensions()).isEqualTo("{\"correlationid\":\"c-9\"}");
    assertThat(back.id()).isEqualTo("e-1");
    assertThat(back.time()).isEqualTo(event.time());
    assertThat(back.subject()).isEqualTo("order-42");
    assertThat(back.data()).isEqualTo(event.data());
    assertThat(back.extensions())
        .containsEntry("tenantid", "acme")
        .containsEntry("correlationid", "c-9")
        .containsEntry("schemaversion", "2")
        .containsEntry("partitionkey", "order-42");
    assertThat(RowEvents.event(row, false).extensions()).doesNotContainKey("partitionkey");
  }

  @Test
  void aRowWithoutEventTimeTakesItsCreationTime() {
    Instant created = Instant.parse("2026-12-02T09:00:00Z");
    OutboxRow row = row("{\"a\":1}", null, created);

    assertThat(RowEvents.event(row, true).time().toInstant()).isEqualTo(created);
  }

  @Test
  void aPayloadThatIsNotJsonOrExtensionsThatAreNotStringsAreRefusedWithTheColumn() {
    assertThatThrownBy(() -> RowEvents.event(row("{not json", null, Instant.now()), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload is not JSON");
    assertThatThrownBy(() -> RowEvents.event(row("{}", "{\"traceparent\":1}", Instant.now()), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extensions.traceparent");
    assertThatThrownBy(() -> RowEvents.event(row("{}", "[1]", Instant.now()), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }

  private static OutboxRow row(String payload, String extensions, Instant created) {
    return new OutboxRow(
        1,
        "e-2",
        "order",
        "order-1",
        TestEvents.TYPE,
        payload,
        "/orders",
        null,
        null,
        null,
        "acme",
        extensions,
        created,
        OutboxRow.PENDING,
        0,
        null);
  }
}
