package dev.herald.rest;

import dev.herald.config.EventChannels;
import dev.herald.metrics.HeraldMetrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Totals since start: per type published, consumed, dead-lettered; per handler outcomes. */
@RolesAllowed({Roles.READER, Roles.ADMIN})
@Path("stats")
@RequestScoped
public class StatsResource {

  /** What {@code GET /api/stats} returns. */
  public record Stats(
      Map<String, HeraldMetrics.TypeTotals> types,
      Map<String, HeraldMetrics.HandlerTotals> handlers) {}

  @Inject HeraldMetrics metrics;
  @Inject EventChannels channels;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Stats stats() {
    Map<String, HeraldMetrics.TypeTotals> types = new LinkedHashMap<>();
    Map<String, HeraldMetrics.TypeTotals> seen = metrics.typeTotals();
    for (String type : channels.types()) {
      types.put(type, seen.getOrDefault(type, new HeraldMetrics.TypeTotals(0, 0, 0)));
    }
    return new Stats(types, metrics.handlerTotals());
  }
}
