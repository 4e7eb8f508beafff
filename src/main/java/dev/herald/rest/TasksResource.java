package dev.herald.rest;

import dev.herald.deadletters.RedriveTasks;
import dev.herald.deadletters.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Background tasks of this server (redrives): their progress, and cancelling them. */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject RedriveTasks tasks;

  @GET
  @Path("{id}")
  public TaskView show(@PathParam("id") String id) {
    return tasks.find(id);
  }

  /** Cancels a running task; 409 when it has ended. */
  @Audited
  @DELETE
  @Path("{id}")
  public TaskView cancel(@PathParam("id") String id) {
    return tasks.cancel(id);
  }
}
