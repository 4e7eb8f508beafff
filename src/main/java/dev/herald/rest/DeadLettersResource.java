package dev.herald.rest;

import dev.herald.config.TenantSettings;
import dev.herald.deadletters.DeadLetterBrowser;
import dev.herald.deadletters.DeadLetterEntry;
import dev.herald.deadletters.DeadLetterFilter;
import dev.herald.deadletters.DeadLetterPage;
import dev.herald.deadletters.PurgeResult;
import dev.herald.deadletters.Purger;
import dev.herald.deadletters.RedriveTasks;
import dev.herald.deadletters.Redriven;
import dev.herald.deadletters.Redriver;
import dev.herald.deadletters.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dead-letter operations: list and show dead letters, redrive one or many (a background task), and
 * purge those older than a time.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDoc.DEAD_LETTERS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
public class DeadLettersResource {

  @Inject DeadLetterBrowser browser;
  @Inject Redriver redriver;
  @Inject RedriveTasks tasks;
  @Inject Purger purger;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants may not read what spans every tenant. */
  @Context SecurityContext security;

  @Context HttpHeaders headers;

  /** Dead letters newest first; {@code next} is the cursor of the following page. */
  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "listDeadLetters",
      summary = "Dead letters, the newest first, a page at a time",
      description =
          "Of every channel, or filtered; next is the cursor of the following page. "
              + ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = DeadLetterPage.class),
              examples = @ExampleObject(name = "page", ref = "DeadLetterPage")))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public DeadLetterPage list(
      @Parameter(description = "Only this event type's") @QueryParam("type") String type,
      @Parameter(description = "Only those whose reason contains this text") @QueryParam("reason")
          String reason,
      @Parameter(description = "Only those this handler failed") @QueryParam("handler")
          String handler,
      @Parameter(description = "Written at or after this RFC 3339 time") @QueryParam("from")
          String from,
      @Parameter(description = "Written at or before this RFC 3339 time") @QueryParam("to")
          String to,
      @Parameter(description = "Page size: 50 by default, 500 at most") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next, with the same filter")
          @QueryParam("cursor")
          String cursor) {
    refuseBoundCaller();
    return browser.list(
        DeadLetterFilter.of(type, reason, handler, from, to), DeadLetterPage.limit(limit), cursor);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "getDeadLetter",
      summary = "One dead letter, with its headers and value",
      description =
          "Its id is <channel>-<partition>-<offset>, as the listing gives it. "
              + ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The dead letter")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public DeadLetterEntry show(@PathParam("id") String id) {
    refuseBoundCaller();
    return browser.find(id);
  }

  /** Sends one dead letter back to its topic; 409 when it was redriven before, unless forced. */
  @Audited
  @POST
  @Path("{id}/redrive")
  @Operation(
      operationId = "redriveDeadLetter",
      summary = "Send one dead letter back to its topic",
      description =
          "With its original key, value and headers; 409 when it was redriven before, unless"
              + " forced.")
  @APIResponse(responseCode = "200", description = "Where the redriven record went")
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Redriven redrive(
      @PathParam("id") String id,
      @Parameter(description = "true to redrive it again") @QueryParam("force") String force) {
    return redriver.redrive(id, flag("force", force));
  }

  /** Starts a task that redrives the dead letters a filter takes: 202 with the task. */
  @Audited
  @POST
  @Path("redrive")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redriveDeadLetters",
      summary = "Start a task that redrives the dead letters a filter takes",
      description =
          "Up to the dead-letter topic's end when it starts; those redriven before are skipped."
              + " Follow it with GET /api/tasks/{id}.")
  @RequestBody(ref = ApiDoc.REDRIVE_BODY)
  @APIResponse(
      responseCode = "202",
      description = "The task, started",
      headers = @Header(name = ApiDoc.LOCATION, ref = ApiDoc.LOCATION),
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = TaskView.class),
              examples = @ExampleObject(name = "started", ref = "RedriveTask")))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response redriveAll(InputStream body) {
    Map<String, String> filter = FilterBodies.read(body, headers.getLength());
    TaskView task =
        tasks.start(
            DeadLetterFilter.of(
                filter.get("type"),
                filter.get("reason"),
                filter.get("handler"),
                filter.get("from"),
                filter.get("to")));
    return Response.accepted(task)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .location(URI.create("tasks/" + task.id()))
        .build();
  }

  /** Deletes a type's dead letters written before a time. */
  @Audited
  @POST
  @Path("purge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "purgeDeadLetters",
      summary = "Delete a type's dead letters written before a time")
  @RequestBody(ref = ApiDoc.PURGE_BODY)
  @APIResponse(
      responseCode = "200",
      description = "What was deleted, per partition",
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = PurgeResult.class),
              examples = @ExampleObject(name = "purged", ref = "PurgeResult")))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public PurgeResult purge(InputStream body) {
    Map<String, String> request = FilterBodies.read(body, headers.getLength(), "type", "before");
    return purger.purge(request.get("type"), request.get("before"));
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new ProblemException(
        Problem.of(400, "Bad Request", name + " is '" + value + "': give true or false"));
  }

  /** 403 for a caller bound to tenants: dead letters hold every tenant's events. */
  private void refuseBoundCaller() {
    Caller.of(security, tenants).refuseIfBound("The dead letters hold the events of every tenant");
  }
}
