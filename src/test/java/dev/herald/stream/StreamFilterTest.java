package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.CloudEvent;
import dev.herald.config.EventChannel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamFilterTest {

  private static final List<EventChannel> CHANNELS =
      List.of(
          channel("chat.message.received"),
          channel("chat.message.sent"),
          channel("system.error"),
          channel("analytics.conversation"));

  @Test
  void anUnboundCallerSeesEveryTenantOrTheOneItNames() {
    StreamFilter all = StreamFilter.of(StreamRequest.parse(null, null, null), null);
    StreamFilter acme = StreamFilter.of(StreamRequest.parse(null, "acme", null), null);

    assertThat(all.accepts(event("chat.message.sent", "acme"))).isTrue();
    assertThat(all.accepts(event("chat.message.sent", null))).isTrue();
    assertThat(acme.accepts(event("chat.message.sent", "acme"))).isTrue();
    assertThat(acme.accepts(event("chat.message.sent", "globex"))).isFalse();
    assertThat(acme.accepts(event("chat.message.sent", null))).isFalse();
  }

  @Test
  void aBoundCallerSeesOnlyItsTenantsAndMayNameOneOfThem() {
    Set<String> caller = Set.of("acme", "initech");
    StreamFilter own = StreamFilter.of(StreamRequest.parse(null, null, null), caller);
    StreamFilter one = StreamFilter.of(StreamRequest.parse(null, "initech", null), caller);

    assertThat(own.tenants()).containsExactlyInAnyOrder("acme", "initech");
    assertThat(own.accepts(event("system.error", "acme"))).isTrue();
    assertThat(own.accepts(event("system.error", "globex"))).isFalse();
    assertThat(own.accepts(event("system.error", null))).isFalse();
    assertThat(one.accepts(event("system.error", "initech"))).isTrue();
    assertThat(one.accepts(event("system.error", "acme"))).isFalse();
  }

  @Test
  void aBoundCallerNamingAnotherTenantIsForbidden() {
    assertThatThrownBy(
            () -> StreamFilter.of(StreamRequest.parse(null, "globex", null), Set.of("acme")))
        .isInstanceOf(StreamRefusedException.class)
        .hasMessageContaining("'globex' is not among the caller's tenants [acme]")
        .satisfies(
            e ->
                assertThat(((StreamRefusedException) e).reason())
                    .isEqualTo(StreamRefusedException.Reason.FORBIDDEN));
  }

  @Test
  void typesChooseTheEventsAndTheChannelsRead() {
    StreamFilter filter =
        StreamFilter.of(StreamRequest.parse("chat.*,system.error", null, null), null);

    assertThat(filter.accepts(event("chat.message.sent", "acme"))).isTrue();
    assertThat(filter.accepts(event("analytics.conversation", "acme"))).isFalse();
    assertThat(filter.channels(CHANNELS))
        .extracting(EventChannel::type)
        .containsExactly("chat.message.received", "chat.message.sent", "system.error");
    assertThat(StreamFilter.of(StreamRequest.parse(null, null, null), null).channels(CHANNELS))
        .hasSize(4);
  }

  @Test
  void patternsThatMatchNoTypeAreRefused() {
    StreamFilter filter = StreamFilter.of(StreamRequest.parse("true,abc.*", null, null), null);

    assertThatThrownBy(() -> filter.channels(CHANNELS))
        .isInstanceOf(StreamRefusedException.class)
        .hasMessageContaining("types true,abc.* match none of the types Herald carries");
  }

  private static EventChannel channel(String type) {
    return new EventChannel(type, type.replace('.', '-'), type + ".v1", type + ".v1.dlq", type, "");
  }

  private static CloudEvent event(String type, String tenant) {
    CloudEvent.Builder event = CloudEvent.builder().id("e").source("/tests").type(type);
    if (tenant != null) {
      event.tenantid(tenant);
    }
    return event.build();
  }
}
