package dev.herald.rest;

import dev.herald.config.TenantSettings;
import dev.herald.replay.ReplayRefusedException;
import dev.herald.replay.ReplayRequest;
import dev.herald.replay.ReplayStatus;
import dev.herald.replay.Replays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Replays a range of a type's topic to its handlers: start, follow, list and cancel. */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("replays")
@RequestScoped
@Tag(name = ApiDoc.REPLAYS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
public class ReplaysResource {

  /** A replay request is a few lines of JSON. */
  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** How long a cancel waits for the replay to stop before answering 202 instead of 200. */
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

  @Inject Replays replays;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants may not read what spans every tenant. */
  @Context SecurityContext security;

  @Context HttpHeaders headers;

  /** Starts a replay: 202 with its status and {@code Location}, or a problem saying what to fix. */
  @Audited
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startReplay",
      summary = "Replay a range of a type's topic to its handlers",
      description = "A time range or offsets per partition; follow it with GET /api/replays/{id}.")
  @RequestBody(ref = ApiDoc.REPLAY_BODY)
  @APIResponse(
      responseCode = "202",
      description = "The replay, started",
      headers = @Header(name = ApiDoc.LOCATION, ref = ApiDoc.LOCATION),
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = ReplayStatus.class),
              examples = @ExampleObject(name = "started", ref = "ReplayStarted")))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "429", ref = ApiDoc.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response start(InputStream body) {
    ReplayStatus started;
    try {
      started =
          replays.start(
              ReplayRequest.parse(
                  RequestBodies.readJson(
                      body, headers.getLength(), MAX_REQUEST_BYTES, "a replay request's limit")));
    } catch (ReplayRefusedException e) {
      throw problem(e);
    }
    return Response.accepted(started)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .location(URI.create("replays/" + started.id()))
        .build();
  }

  /** Every replay kept in memory, the newest first. */
  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listReplays",
      summary = "The replays kept in memory, the newest first",
      description = "Lost on restart. " + ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The replays")
  public List<ReplayStatus> list() {
    refuseBoundCaller();
    return replays.list();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getReplay",
      summary = "What a replay did so far",
      description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The replay")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public ReplayStatus status(@PathParam("id") String id) {
    refuseBoundCaller();
    return replays.find(id).orElseThrow(() -> notFound(id));
  }

  /**
   * Cancels a running replay: 200 with its status once it stopped, 202 while it is still stopping
   * (a handler call in progress); a finished replay is left as it is (200).
   */
  @Audited
  @DELETE
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "cancelReplay", summary = "Cancel a running replay")
  @APIResponse(
      responseCode = "200",
      description = "The replay, stopped (or finished before)",
      content =
          @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = ReplayStatus.class)))
  @APIResponse(
      responseCode = "202",
      description = "The replay, still stopping: a handler call is in progress",
      content =
          @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = ReplayStatus.class)))
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response cancel(@PathParam("id") String id) throws InterruptedException {
    ReplayStatus status = replays.cancel(id, CANCEL_WAIT).orElseThrow(() -> notFound(id));
    return Response.status("running".equals(status.state()) ? 202 : 200)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(status)
        .build();
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        Problem.of(
            404,
            "Not Found",
            "No replay with id '"
                + id
                + "' among those kept in memory (the last "
                + Replays.RETAINED
                + ", lost on restart); GET /api/replays lists them"));
  }

  private static ProblemException problem(ReplayRefusedException refused) {
    return new ProblemException(
        switch (refused.reason()) {
          case INVALID -> Problem.of(400, "Bad Request", refused.getMessage());
          case NOT_FOUND -> Problem.of(404, "Not Found", refused.getMessage());
          case CONFLICT -> Problem.of(409, "Conflict", refused.getMessage());
          case BUSY -> Problem.of(429, "Too Many Requests", refused.getMessage());
          case UNAVAILABLE -> Problem.of(503, "Service Unavailable", refused.getMessage());
        });
  }

  /** 403 for a caller bound to tenants: replays read every tenant's events. */
  private void refuseBoundCaller() {
    Caller.of(security, tenants).refuseIfBound("Replays read the events of every tenant");
  }
}
