package dev.herald.rest;

import dev.herald.config.TenantSettings;
import dev.herald.outbox.OutboxRelays;
import dev.herald.outbox.OutboxRow;
import dev.herald.outbox.OutboxSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The outboxes: what each holds and whether its database answers; the rows that failed (invalid, or
 * refused by the broker) with their reason, and sending one again after a fix.
 */
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDoc.OUTBOX)
public class OutboxResource {

  private static final int MAX_LIMIT = 1000;

  @Inject OutboxRelays outboxes;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants may not read what spans every tenant. */
  @Context SecurityContext security;

  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "listOutboxes",
      summary = "Every outbox: its database's state, rows pending and failed",
      description =
          "Row counts as of the last count (every 2 s); what this server published. "
              + ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The outboxes")
  public List<OutboxView> list() {
    refuseBoundCaller();
    return outboxes.sources().stream().map(OutboxView::of).toList();
  }

  /** Failed rows, oldest first; {@code after} is the last {@code seq} of the previous page. */
  @GET
  @Path("{source}/failed")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "listFailedOutboxRows",
      summary = "An outbox's failed rows, with payload and reason, the oldest first",
      description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "One page of failed rows")
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public List<FailedRowView> failed(
      @PathParam("source") String name,
      @Parameter(description = "The last seq of the previous page; 0 by default")
          @QueryParam("after")
          String after,
      @Parameter(description = "Page size: 100 by default, 1,000 at most") @QueryParam("limit")
          String limit) {
    refuseBoundCaller();
    OutboxSource source = source(name);
    long afterSeq = QueryNumbers.read("after", after, 0, 0, Integer.MAX_VALUE);
    int max = QueryNumbers.read("limit", limit, 100, 1, MAX_LIMIT);
    try {
      return outboxes.failed(source, afterSeq, max).stream().map(FailedRowView::of).toList();
    } catch (SQLException e) {
      throw unavailable(source, e);
    }
  }

  /** Makes a failed row pending again: the relays send it at once. 404 when no row failed so. */
  @Audited
  @POST
  @Path("{source}/failed/{id}/retry")
  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "retryOutboxRow",
      summary = "Send a failed outbox row again",
      description = "It becomes pending, and the relays send it at once.")
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(
      responseCode = "202",
      description = "The row, pending again",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(ref = ApiDoc.OUTBOX_RETRY)))
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response retry(@PathParam("source") String name, @PathParam("id") String id) {
    OutboxSource source = source(name);
    try {
      if (!outboxes.retry(source, id)) {
        String state =
            outboxes
                .row(source, id)
                .map(OutboxRow::status)
                .map(s -> "its row is " + s)
                .orElse("there is no row with that id");
        throw new ProblemException(
            Problem.of(
                404, "Not Found", "No failed row '" + id + "' in outbox '" + name + "': " + state));
      }
    } catch (SQLException e) {
      throw unavailable(source, e);
    }
    return Response.accepted(Map.of("id", id, "status", OutboxRow.PENDING)).build();
  }

  private OutboxSource source(String name) {
    return outboxes
        .source(name)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "Not Found",
                        "No outbox '"
                            + name
                            + "'; herald.outbox.sources lists "
                            + outboxes.sources().stream().map(OutboxSource::name).toList())));
  }

  private WebApplicationException unavailable(OutboxSource source, SQLException e) {
    Problem problem =
        Problem.of(
            503,
            "Database unavailable",
            "Outbox '"
                + source.name()
                + "' ("
                + source.settings().datasource()
                + "): "
                + e.getMessage());
    return new WebApplicationException(
        Response.fromResponse(ProblemResponses.of(problem, uri))
            .header("Retry-After", "5")
            .build());
  }

  /** 403 for a caller bound to tenants: the outboxes hold every tenant's events. */
  private void refuseBoundCaller() {
    Caller.of(security, tenants).refuseIfBound("The outboxes hold the events of every tenant");
  }
}
