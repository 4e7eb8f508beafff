package dev.herald.rest;

import dev.herald.config.TenantSettings;
import dev.herald.handlers.AnalyticsHandler;
import dev.herald.handlers.AuditHandler;
import dev.herald.handlers.NotificationHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the built-in handlers know: the audit log, analytics counts, recent notifications. */
@RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@Path("")
@RequestScoped
@Tag(name = ApiDoc.HANDLERS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
public class HandlersResource {

  private static final int MAX_LIMIT = 10_000;

  @Inject AuditHandler audit;
  @Inject AnalyticsHandler analytics;
  @Inject NotificationHandler notification;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants sees only theirs. */
  @Context SecurityContext security;

  @GET
  @Path("audit")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listAudit",
      summary = "The audit handler's log of recent events",
      description = "Each event's identity, never its data; a caller bound to tenants sees theirs.")
  @APIResponse(responseCode = "200", description = "The entries, the newest first")
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  public List<AuditHandler.Entry> audit(
      @Parameter(description = "How many, the newest first: 100 by default, 10,000 at most")
          @QueryParam("limit")
          String limit) {
    return audit.recent(limit(limit), caller()::mayRead);
  }

  /** Event counts by type, then by tenant. */
  @GET
  @Path("analytics")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getAnalytics",
      summary = "Event counts by type, then by tenant",
      description = "(none) counts the events without a tenant.")
  @APIResponse(responseCode = "200", description = "The counts")
  public Map<String, Map<String, Long>> analytics() {
    Caller caller = caller();
    Map<String, Map<String, Long>> counts = analytics.counts();
    if (caller.bound()) {
      counts.values().forEach(byTenant -> byTenant.keySet().removeIf(t -> !caller.mayRead(t)));
      counts.values().removeIf(Map::isEmpty);
    }
    return counts;
  }

  @GET
  @Path("notifications")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listNotifications", summary = "The notifications recent events raised")
  @APIResponse(responseCode = "200", description = "The notifications, the newest first")
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  public List<NotificationHandler.Notification> notifications(
      @Parameter(description = "How many, the newest first: 100 by default, 10,000 at most")
          @QueryParam("limit")
          String limit) {
    return notification.recent(limit(limit), caller()::mayRead);
  }

  private Caller caller() {
    return Caller.of(security, tenants);
  }

  /** 100 by default; a larger limit than {@value #MAX_LIMIT} is that many, a negative one a 400. */
  private static int limit(String text) {
    return Math.min(QueryNumbers.read("limit", text, 100, 0, Integer.MAX_VALUE), MAX_LIMIT);
  }
}
