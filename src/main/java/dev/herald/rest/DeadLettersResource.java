package dev.herald.rest;

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
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * Dead-letter operations: list and show dead letters, redrive one or many (a background task), and
 * purge those older than a time.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

  @Inject DeadLetterBrowser browser;
  @Inject Redriver redriver;
  @Inject RedriveTasks tasks;
  @Inject Purger purger;

  @Context HttpHeaders headers;

  /** Dead letters newest first; {@code next} is the cursor of the following page. */
  @GET
  public DeadLetterPage list(
      @QueryParam("type") String type,
      @QueryParam("reason") String reason,
      @QueryParam("handler") String handler,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return browser.list(
        DeadLetterFilter.of(type, reason, handler, from, to), DeadLetterPage.limit(limit), cursor);
  }

  @GET
  @Path("{id}")
  public DeadLetterEntry show(@PathParam("id") String id) {
    return browser.find(id);
  }

  /** Sends one dead letter back to its topic; 409 when it was redriven before, unless forced. */
  @Audited
  @POST
  @Path("{id}/redrive")
  public Redriven redrive(@PathParam("id") String id, @QueryParam("force") String force) {
    return redriver.redrive(id, flag("force", force));
  }

  /** Starts a task that redrives the dead letters a filter takes: 202 with the task. */
  @Audited
  @POST
  @Path("redrive")
  @Consumes(MediaType.APPLICATION_JSON)
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
        .location(URI.create("/api/tasks/" + task.id()))
        .build();
  }

  /** Deletes a type's dead letters written before a time. */
  @Audited
  @POST
  @Path("purge")
  @Consumes(MediaType.APPLICATION_JSON)
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
}
