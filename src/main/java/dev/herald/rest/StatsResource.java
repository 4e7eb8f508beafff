package dev.herald.rest;

import dev.herald.config.EventChannels;
import dev.herald.config.TenantSettings;
import dev.herald.metrics.HeraldMetrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Totals since start: per type published, consumed, dead-lettered; per handler outcomes. */
@RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@Path("stats")
@RequestScoped
@Tag(name = ApiDoc.HANDLERS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
public class StatsResource {

  /** What {@code GET /api/stats} returns. */
  public record Stats(
      Map<String, HeraldMetrics.TypeTotals> types,
      Map<String, HeraldMetrics.HandlerTotals> handlers) {}

  @Inject HeraldMetrics metrics;
  @Inject EventChannels channels;
  @Inject TenantSettings tenants;

  /** Who calls: the totals span every tenant, so a caller bound to tenants may not read them. */
  @Context SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getStats",
      summary = "Totals since the start, per type and per handler",
      description =
          "Published, consumed and dead-lettered per type; successes, failures, mean time and"
              + " last error per handler. A caller bound to tenants gets 403: the totals span every tenant.")
  @APIResponse(responseCode = "200", description = "The totals")
  public Stats stats() {
    Caller.of(security, tenants).refuseIfBound("The statistics count the events of every tenant");
    Map<String, HeraldMetrics.TypeTotals> types = new LinkedHashMap<>();
    Map<String, HeraldMetrics.TypeTotals> seen = metrics.typeTotals();
    for (String type : channels.types()) {
      types.put(type, seen.getOrDefault(type, new HeraldMetrics.TypeTotals(0, 0, 0)));
    }
    return new Stats(types, metrics.handlerTotals());
  }
}
