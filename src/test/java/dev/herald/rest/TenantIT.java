package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestTokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A token's {@code tenantid} claim binds its caller: it publishes only for its tenants, reads only
 * theirs and nothing that spans every tenant, unless it is an operator or admin. Each run uses
 * tenants of its own.
 */
@HeraldIT
class TenantIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String ACME = "acme-" + RUN;
  private static final String GLOBEX = "globex-" + RUN;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private static final HeraldClient herald = new HeraldClient();
  private static String acmeEvent;
  private static String globexEvent;

  /** One handled event of each tenant, published by the development admin. */
  @BeforeAll
  static void oneEventPerTenant() {
    acmeEvent = publishedAndHandled(ACME);
    globexEvent = publishedAndHandled(GLOBEX);
  }

  @Test
  void aPublisherPublishesOnlyForItsTenant() {
    HeraldClient acme = bound(Roles.PUBLISHER, ACME);
    String own = TestEvents.newId();
    String unnamed = TestEvents.newId();

    assertThat(acme.postJson("api/events", TestEvents.chatMessage(own, ACME, "")).statusCode())
        .isEqualTo(202);
    HttpResponse<String> foreign =
        acme.postJson("api/events", TestEvents.chatMessage(TestEvents.newId(), GLOBEX, ""));
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    JsonObject problem = HeraldClient.json(foreign.body());
    assertThat(problem.getString("detail")).contains(ACME).contains("tenantid");
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("pointer"))
        .isEqualTo("/tenantid");

    HttpResponse<String> withoutTenant =
        acme.postJson(
            "api/events",
            TestEvents.chatMessage(unnamed, ACME, "")
                .replace("\"tenantid\":\"" + ACME + "\",", ""));
    assertThat(withoutTenant.statusCode()).as(withoutTenant.body()).isEqualTo(202);
    assertThat(herald.awaitOutcome(unnamed).getString("tenantid"))
        .as("an event without tenantid gets the caller's only tenant")
        .isEqualTo(ACME);
    assertThat(herald.awaitOutcome(own).getString("tenantid")).isEqualTo(ACME);
  }

  @Test
  void aCallerOfSeveralTenantsNamesOneAndABatchIsRefusedWhole() {
    HeraldClient both = bound(Roles.PUBLISHER, List.of(ACME, GLOBEX));
    String unnamed =
        TestEvents.chatMessage(TestEvents.newId(), ACME, "")
            .replace("\"tenantid\":\"" + ACME + "\",", "");

    assertThat(
            both.postJson("api/events", TestEvents.chatMessage(TestEvents.newId(), GLOBEX, ""))
                .statusCode())
        .isEqualTo(202);
    HttpResponse<String> ambiguous = both.postJson("api/events", unnamed);
    assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(403);
    assertThat(ambiguous.body()).contains("several tenants");

    HeraldClient acme = bound(Roles.PUBLISHER, ACME);
    String kept = TestEvents.newId();
    String batch =
        "["
            + TestEvents.chatMessage(kept, ACME, "")
            + ","
            + TestEvents.chatMessage(TestEvents.newId(), "initech-" + RUN, "")
            + "]";
    HttpResponse<String> refused = acme.postJson("api/events/batch", batch);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(
            HeraldClient.json(refused.body())
                .getJsonArray("errors")
                .getJsonObject(0)
                .getString("pointer"))
        .isEqualTo("/1/tenantid");
    assertThat(herald.get("api/events/" + kept).statusCode())
        .as("nothing of a refused batch is published")
        .isEqualTo(404);
  }

  @Test
  void aReaderReadsOnlyItsTenant() {
    HeraldClient acme = bound(Roles.READER, ACME);

    assertThat(acme.get("api/events/" + acmeEvent).statusCode()).isEqualTo(200);
    assertThat(acme.get("api/events/" + globexEvent).statusCode())
        .as("another tenant's event is not found")
        .isEqualTo(404);
    assertThat(acme.get("api/audit?limit=10000").body())
        .contains(acmeEvent)
        .doesNotContain(globexEvent)
        .doesNotContain(GLOBEX);
    assertThat(acme.get("api/notifications?limit=10000").body()).doesNotContain(GLOBEX);
    String analytics = acme.get("api/analytics").body();
    assertThat(analytics).contains(ACME).doesNotContain(GLOBEX).doesNotContain("tenant-");
    HttpResponse<String> stats = acme.get("api/stats");
    assertThat(stats.statusCode()).as(stats.body()).isEqualTo(403);
    for (String everyTenant :
        List.of(
            "api/channels",
            "api/dead-letters",
            "api/replays",
            "api/webhooks",
            "api/tasks/none",
            "api/outbox",
            "api/outbox/none/failed")) {
      HttpResponse<String> refused = acme.get(everyTenant);
      assertThat(refused.statusCode())
          .as(everyTenant + " spans every tenant: " + refused.body())
          .isEqualTo(403);
      assertThat(refused.body()).contains("a caller bound to tenants");
    }
    JsonObject me = HeraldClient.json(acme.get("api/me").body());
    assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactly(Roles.READER);
    assertThat(me.getJsonArray("tenants").getValuesAs(JsonString::getString)).containsExactly(ACME);
    assertThat(acme.get("api/event-types").statusCode())
        .as("the catalog holds no tenant's data")
        .isEqualTo(200);
  }

  @Test
  void anOperatorIsBoundByNoTenantClaimAndReadsWhatSpansEveryTenant() {
    HeraldClient operator = bound(Roles.OPERATOR, ACME);

    assertThat(operator.get("api/events/" + globexEvent).statusCode()).isEqualTo(200);
    assertThat(operator.get("api/stats").statusCode()).isEqualTo(200);
    assertThat(operator.get("api/channels").statusCode()).isEqualTo(200);
    JsonObject me = HeraldClient.json(operator.get("api/me").body());
    assertThat(me.containsKey("tenants") && !me.isNull("tenants"))
        .as("an operator is bound to no tenant: " + me)
        .isFalse();
  }

  @Test
  void anAdminIsBoundByNoTenantClaim() {
    HeraldClient admin = bound(Roles.ADMIN, ACME);

    assertThat(admin.get("api/events/" + globexEvent).statusCode()).isEqualTo(200);
    assertThat(admin.get("api/audit?limit=10000").body()).contains(globexEvent);
    assertThat(
            admin
                .postJson("api/events", TestEvents.chatMessage(TestEvents.newId(), GLOBEX, ""))
                .statusCode())
        .isEqualTo(202);
  }

  private static HeraldClient bound(String role, Object tenants) {
    return herald.bearer(
        TestTokens.forUser(role + "-of-" + tenants, role).claim("tenantid", tenants).sign());
  }

  private static String publishedAndHandled(String tenant) {
    String id = TestEvents.newId();
    HttpResponse<String> response =
        herald.postJson("api/events", TestEvents.chatMessage(id, tenant, ""));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    herald.awaitOutcome(id);
    return id;
  }
}
