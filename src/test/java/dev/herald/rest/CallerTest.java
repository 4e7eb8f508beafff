package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.CloudEvent;
import dev.herald.testing.TestEvents;
import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static CloudEvent event(String tenant) {
    CloudEvent.Builder builder =
        TestEvents.eventWithData(TestEvents.chatMessageData("m-1")).id(TestEvents.newId());
    return tenant == null ? builder.build() : builder.tenantid(tenant).build();
  }

  @Test
  void aClaimIsOneTenantOrAListOfThemInAnyFormAJwtLibraryGives() {
    assertThat(Caller.tenants(null)).isNull();
    assertThat(Caller.tenants("acme")).containsExactly("acme");
    assertThat(Caller.tenants(Json.createValue("acme"))).containsExactly("acme");
    assertThat(Caller.tenants(Json.createArrayBuilder().add("a").add("b").build()))
        .containsExactly("a", "b");
    assertThat(Caller.tenants(List.of("b", "a"))).containsExactly("a", "b");
    assertThat(Caller.tenants(Set.of())).isEmpty();
  }

  @Test
  void anUnboundCallerPublishesAndReadsEveryTenant() {
    Caller caller = Caller.bound("basic-user", "tenantid", null);
    CloudEvent event = event("anyone");

    assertThat(caller.publishing(event)).isSameAs(event);
    assertThat(caller.mayRead("anyone")).isTrue();
    assertThat(caller.mayRead(null)).isTrue();
  }

  @Test
  void aBoundCallerPublishesForItsTenantsAndGivesItsOnlyTenantToAnEventWithout() {
    Caller caller = Caller.bound("alice", "tenantid", List.of("acme"));

    assertThat(caller.publishing(event("acme")).tenantid()).isEqualTo("acme");
    assertThat(caller.publishing(event(null)).tenantid()).isEqualTo("acme");
    assertThatThrownBy(() -> caller.publishing(event("globex")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(403);
              assertThat(e.problem().detail()).contains("alice", "[acme]", "'tenantid'");
              assertThat(e.problem().errors())
                  .singleElement()
                  .satisfies(v -> assertThat(v.pointer()).isEqualTo("/tenantid"));
            });
    assertThat(caller.mayRead("acme")).isTrue();
    assertThat(caller.mayRead("globex")).isFalse();
    assertThat(caller.mayRead(null)).as("events of no tenant are not a bound caller's").isFalse();
  }

  @Test
  void aBoundCallerMayNotReadWhatSpansEveryTenantAndAnUnboundOneMay() {
    Caller.bound("basic-user", "tenantid", null).refuseIfBound("The totals count every tenant");

    assertThatThrownBy(
            () ->
                Caller.bound("alice", "tenantid", List.of("acme"))
                    .refuseIfBound("The totals count every tenant"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(403);
              assertThat(e.problem().detail())
                  .isEqualTo(
                      "The totals count every tenant; a caller bound to tenants (JWT claim"
                          + " 'tenantid') may not read them");
            });
  }

  @Test
  void aCallerOfSeveralTenantsMustNameOneAndABatchIsRefusedWithEveryPointer() {
    Caller caller = Caller.bound("bob", "tenants", List.of("acme", "globex"));

    assertThat(caller.publishing(event("globex")).tenantid()).isEqualTo("globex");
    assertThatThrownBy(
            () -> caller.publishingBatch(List.of(event("acme"), event(null), event("initech"))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(v -> v.pointer())
                    .containsExactly("/1/tenantid", "/2/tenantid"));
  }
}
