package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.deadletters.PurgeResult;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route that changes what Herald does and is not a publisher's or a reader's (an operator
 * action) is {@link Audited}, and no other is; and what an audit line says.
 */
class OperatorAuditTest {

  private static final Instant AT = Instant.parse("2026-12-02T09:00:00.123Z");

  private final List<Routes.Route> routes = Routes.scan().all();

  @Test
  void everyOperatorRouteThatChangesStateIsAuditedAndNoOther() {
    List<String> actions =
        routes.stream().filter(OperatorAuditTest::operatorAction).map(Object::toString).toList();
    assertThat(actions)
        .containsExactlyInAnyOrder(
            "POST /api/channels/{channel}/pause",
            "POST /api/channels/{channel}/resume",
            "POST /api/dead-letters/{id}/redrive",
            "POST /api/dead-letters/redrive",
            "POST /api/dead-letters/purge",
            "POST /api/replays",
            "DELETE /api/replays/{id}",
            "DELETE /api/tasks/{id}",
            "POST /api/webhooks",
            "PATCH /api/webhooks/{id}",
            "DELETE /api/webhooks/{id}",
            "POST /api/webhooks/{id}/rotate-secret",
            "POST /api/webhooks/{id}/deliveries/{eventId}/retry",
            "POST /api/webhooks/{id}/recover",
            "POST /api/outbox/{source}/failed/{id}/retry");
    for (Routes.Route route : routes) {
      assertThat(audited(route.handler()))
          .as(
              "%s (%s) %s: a route that changes state and allows neither publishers nor readers"
                  + " is an operator action and carries @Audited; no other does",
              route,
              route.handler(),
              operatorAction(route) ? "is an operator action" : "is no operator action")
          .isEqualTo(operatorAction(route));
    }
  }

  @Test
  void theFilterIsBoundToTheAuditedRoutesOnly() {
    assertThat(AuditFilter.class).hasAnnotations(Provider.class, Audited.class);
  }

  @Test
  void aLineSaysWhoWhatAndWhen() {
    assertThat(
            AuditFilter.line(
                "operator",
                "POST",
                "/api/dead-letters/redrive",
                "/api/dead-letters/redrive",
                202,
                "/api/tasks/redrive-1",
                null,
                AT))
        .isEqualTo(
            "user=operator action=\"POST /api/dead-letters/redrive\" path=/api/dead-letters/redrive"
                + " status=202 location=/api/tasks/redrive-1 at=2026-12-02T09:00:00.123Z");
  }

  @Test
  void aRefusedCallNamesWhoTriedOrNoOne() {
    assertThat(
            AuditFilter.line(
                "reader",
                "POST",
                "/api/channels/{channel}/pause",
                "/api/channels/chat-message-received/pause",
                403,
                null,
                null,
                AT))
        .startsWith("user=reader action=\"POST /api/channels/{channel}/pause\"")
        .contains(" status=403 ")
        .doesNotContain("location=");
    assertThat(
            AuditFilter.line(
                null, "DELETE", "/api/tasks/{id}", "/api/tasks/x", 401, null, null, AT))
        .startsWith("user=- ");
  }

  @Test
  void aPurgeSaysWhatItDeleted() {
    PurgeResult purged =
        new PurgeResult(
            "chat.message.received",
            "chat.message.received.v1.dlq",
            "2026-11-01T00:00:00Z",
            List.of(),
            812);
    assertThat(
            AuditFilter.line(
                "admin",
                "POST",
                "/api/dead-letters/purge",
                "/api/dead-letters/purge",
                200,
                null,
                AuditFilter.purged(purged),
                AT))
        .contains(
            " status=200 type=chat.message.received before=2026-11-01T00:00:00Z deleted=812 at=");
  }

  @Test
  void anOddUserNameIsQuotedAndALongPathCut() {
    String line =
        AuditFilter.line(
            "Jane \"J\" Doe\nx",
            "POST",
            "/api/replays",
            "/api/replays?" + "x".repeat(3000),
            400,
            null,
            null,
            AT);
    assertThat(line).startsWith("user=\"Jane \\\"J\\\" Doe\\u000ax\" ").doesNotContain("\n");
    assertThat(line.length()).isLessThan(AuditFilter.MAX_PATH + 200);
  }

  @Test
  void theRouteIsTheDeclaredTemplate() throws NoSuchMethodException {
    Method redrive = DeadLettersResource.class.getMethod("redrive", String.class, String.class);
    assertThat(AuditFilter.template(redrive)).isEqualTo("/api/dead-letters/{id}/redrive");
    Method start = ReplaysResource.class.getMethod("start", java.io.InputStream.class);
    assertThat(AuditFilter.template(start)).isEqualTo("/api/replays");
    assertThat(AuditFilter.template(null)).isEqualTo("?");
  }

  /** Changes state (not a GET) and is for operators: neither a publisher nor a reader may. */
  private static boolean operatorAction(Routes.Route route) {
    List<String> roles = Roles.allowed(route.handler());
    return !route.method().equals("GET")
        && !roles.isEmpty()
        && !roles.contains(Roles.PUBLISHER)
        && !roles.contains(Roles.READER);
  }

  private static boolean audited(Method handler) {
    return handler.isAnnotationPresent(Audited.class)
        || handler.getDeclaringClass().isAnnotationPresent(Audited.class);
  }
}
