package dev.herald.rest;

import dev.herald.config.TenantSettings;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Background tasks of this server (redrives): their progress, and cancelling them. */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDoc.DEAD_LETTERS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
public class TasksResource {

  @Inject RedriveTasks tasks;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants may not read what spans every tenant. */
  @Context SecurityContext security;

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "getTask",
      summary = "A background task's progress",
      description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The task")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public TaskView show(@PathParam("id") String id) {
    refuseBoundCaller();
    return tasks.find(id);
  }

  /** Cancels a running task; 409 when it has ended. */
  @Audited
  @DELETE
  @Path("{id}")
  @Operation(operationId = "cancelTask", summary = "Cancel a running task")
  @APIResponse(responseCode = "200", description = "The task, cancelled")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  public TaskView cancel(@PathParam("id") String id) {
    return tasks.cancel(id);
  }

  /** 403 for a caller bound to tenants: redrive tasks send every tenant's dead letters. */
  private void refuseBoundCaller() {
    Caller.of(security, tenants)
        .refuseIfBound("Redrive tasks send the dead letters of every tenant");
  }
}
