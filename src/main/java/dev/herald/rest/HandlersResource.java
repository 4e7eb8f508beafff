package dev.herald.rest;

import dev.herald.handlers.AnalyticsHandler;
import dev.herald.handlers.AuditHandler;
import dev.herald.handlers.NotificationHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** What the built-in handlers know: the audit log, analytics counts, recent notifications. */
@RolesAllowed({Roles.READER, Roles.ADMIN})
@Path("")
@RequestScoped
public class HandlersResource {

  private static final int MAX_LIMIT = 10_000;

  @Inject AuditHandler audit;
  @Inject AnalyticsHandler analytics;
  @Inject NotificationHandler notification;

  @GET
  @Path("audit")
  @Produces(MediaType.APPLICATION_JSON)
  public List<AuditHandler.Entry> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
    return audit.recent(bounded(limit));
  }

  /** Event counts by type, then by tenant. */
  @GET
  @Path("analytics")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Map<String, Long>> analytics() {
    return analytics.counts();
  }

  @GET
  @Path("notifications")
  @Produces(MediaType.APPLICATION_JSON)
  public List<NotificationHandler.Notification> notifications(
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return notification.recent(bounded(limit));
  }

  private static int bounded(int limit) {
    return Math.max(0, Math.min(limit, MAX_LIMIT));
  }
}
