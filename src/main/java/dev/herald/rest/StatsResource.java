package dev.herald.rest;

import dev.herald.config.EventChannels;
import dev.herald.metrics.EventStatistics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Totals since start: per type published, consumed, dead-lettered; per handler outcomes. */
@Path("stats")
@RequestScoped
public class StatsResource {

  /** What {@code GET /api/stats} returns. */
  public record Stats(
      Map<String, EventStatistics.TypeTotals> types,
      Map<String, EventStatistics.HandlerTotals> handlers) {}

  @Inject EventStatistics statistics;
  @Inject EventChannels channels;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Stats stats() {
    Map<String, EventStatistics.TypeTotals> types = new LinkedHashMap<>();
    Map<String, EventStatistics.TypeTotals> seen = statistics.types();
    for (String type : channels.types()) {
      types.put(type, seen.getOrDefault(type, new EventStatistics.TypeTotals(0, 0, 0)));
    }
    return new Stats(types, statistics.handlers());
  }
}
