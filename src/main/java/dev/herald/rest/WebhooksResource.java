package dev.herald.rest;

import dev.herald.config.TenantSettings;
import dev.herald.webhooks.Deliveries;
import dev.herald.webhooks.Delivery;
import dev.herald.webhooks.Endpoint;
import dev.herald.webhooks.EndpointRefusedException;
import dev.herald.webhooks.Endpoints;
import dev.herald.webhooks.PendingDelivery;
import dev.herald.webhooks.Redelivery;
import dev.herald.webhooks.WebhooksUnavailableException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Webhook endpoints: register (the answer holds the signing secret, shown only then and on
 * rotation), list, show, change, delete, rotate the secret, the recent delivery attempts, a
 * delivery again, and a recovery since a time.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDoc.WEBHOOKS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
public class WebhooksResource {

  /** An endpoint is a few lines of JSON. */
  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  @Inject Endpoints endpoints;
  @Inject Deliveries deliveries;
  @Inject Redelivery redelivery;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants may not read what spans every tenant. */
  @Context SecurityContext security;

  @Context HttpHeaders headers;

  /** Registers an endpoint: 201 with {@code Location} and the secret, or a 422 saying why not. */
  @Audited
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerWebhook",
      summary = "Register a webhook endpoint",
      description =
          "The answer holds the endpoint's signing secret, shown only now and when it is rotated.")
  @RequestBody(ref = ApiDoc.WEBHOOK_BODY)
  @APIResponse(
      responseCode = "201",
      description = "The endpoint, with its secret",
      headers = @Header(name = ApiDoc.LOCATION, ref = ApiDoc.LOCATION),
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = WebhookView.class),
              examples = @ExampleObject(name = "registered", ref = "WebhookRegistered")))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response register(InputStream body) {
    WebhookBodies.Registration registration = WebhookBodies.registration(read(body));
    Endpoint endpoint =
        available(
            () -> {
              try {
                return endpoints.register(
                    registration.url(), registration.types(), registration.tenantid());
              } catch (EndpointRefusedException e) {
                throw refused(e);
              }
            });
    return Response.created(URI.create("webhooks/" + endpoint.id()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(WebhookView.withSecret(endpoint))
        .build();
  }

  /** Every endpoint, the oldest first, without secrets. */
  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "listWebhooks",
      summary = "Every webhook endpoint, the oldest first, without secrets",
      description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The endpoints")
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public List<WebhookView> list() {
    refuseBoundCaller();
    return available(() -> endpoints.list().stream().map(WebhookView::of).toList());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "getWebhook",
      summary = "One webhook endpoint, without its secret",
      description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The endpoint")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public WebhookView show(@PathParam("id") String id) {
    refuseBoundCaller();
    return WebhookView.of(available(() -> endpoints.find(id)).orElseThrow(() -> notFound(id)));
  }

  /** Changes the members given: url, types, tenantid (null for every tenant), enabled. */
  @Audited
  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeWebhook",
      summary = "Change a webhook endpoint",
      description =
          "Only the members given: url, types, tenantid (null for every tenant), enabled.")
  @RequestBody(ref = ApiDoc.WEBHOOK_CHANGE_BODY)
  @APIResponse(responseCode = "200", description = "The endpoint, changed")
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public WebhookView change(@PathParam("id") String id, InputStream body) {
    var change = WebhookBodies.change(read(body));
    Optional<Endpoint> changed =
        available(
            () -> {
              try {
                return endpoints.change(id, change);
              } catch (EndpointRefusedException e) {
                throw refused(e);
              }
            });
    return WebhookView.of(changed.orElseThrow(() -> notFound(id)));
  }

  @Audited
  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete a webhook endpoint",
      description = "Its deliveries stop, and its deliveries log is forgotten.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response delete(@PathParam("id") String id) {
    if (!available(() -> endpoints.delete(id))) {
      throw notFound(id);
    }
    deliveries.forget(id);
    return Response.noContent().build();
  }

  /**
   * A new secret, in the answer; the previous one signs too until {@code previousSecretUntil}
   * ({@code herald.webhooks.rotation-grace}).
   */
  @Audited
  @POST
  @Path("{id}/rotate-secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Give a webhook endpoint a new signing secret",
      description =
          "The previous one signs too until previousSecretUntil (herald.webhooks.rotation-grace).")
  @APIResponse(responseCode = "200", description = "The endpoint, with its new secret")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public WebhookView rotateSecret(@PathParam("id") String id) {
    return WebhookView.withSecret(
        available(() -> endpoints.rotateSecret(id)).orElseThrow(() -> notFound(id)));
  }

  /** The recent attempts of this server, the newest first. */
  @GET
  @Path("{id}/deliveries")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "This server's recent delivery attempts to an endpoint, the newest first",
      description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The attempts")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public List<Delivery> deliveries(@PathParam("id") String id) {
    refuseBoundCaller();
    available(() -> endpoints.find(id)).orElseThrow(() -> notFound(id));
    return deliveries.recent(id);
  }

  /**
   * Delivers an event of the endpoint's deliveries log again, now: 202 with the delivery, or 404
   * when the endpoint or the event is not in this server's log.
   */
  @Audited
  @POST
  @Path("{id}/deliveries/{eventId}/retry")
  @Operation(
      operationId = "retryWebhookDelivery",
      summary = "Deliver an event of the endpoint's deliveries log again, now",
      description = "As a new delivery: its attempts start again.")
  @APIResponse(
      responseCode = "202",
      description = "The delivery, due now",
      content =
          @Content(mediaType = ApiDoc.JSON, schema = @Schema(ref = ApiDoc.WEBHOOK_REDELIVERY)))
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response retry(@PathParam("id") String id, @PathParam("eventId") String eventId) {
    PendingDelivery delivery =
        available(() -> redelivery.retry(id, eventId))
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "Not Found",
                            "No delivery of event '"
                                + eventId
                                + "' to endpoint '"
                                + id
                                + "' in this server's log (GET .../deliveries lists it), or its"
                                + " event is no longer stored; POST .../recover redelivers by time")));
    return Response.accepted(
            Map.of(
                "endpointId", delivery.endpointId(),
                "eventId", delivery.eventId(),
                "source", delivery.source(),
                "due", delivery.due().toString()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /**
   * Enables the endpoint and delivers again every event it wants stored since {@code since}: 202
   * with how many events of each topic are read (those it wants are sent).
   */
  @Audited
  @POST
  @Path("{id}/recover")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recoverWebhook",
      summary = "Enable an endpoint and deliver again everything since a time",
      description =
          "Every event it wants that is stored since then; how many of each topic are read.")
  @RequestBody(ref = ApiDoc.WEBHOOK_RECOVERY_BODY)
  @APIResponse(
      responseCode = "202",
      description = "The recovery, started",
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = Redelivery.Recovery.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public Response recover(@PathParam("id") String id, InputStream body) {
    Instant since = WebhookBodies.since(read(body), Instant.now());
    Redelivery.Recovery recovery =
        available(() -> redelivery.recover(id, since)).orElseThrow(() -> notFound(id));
    return Response.accepted(recovery).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private JsonNode read(InputStream body) {
    return RequestBodies.readJson(
        body, headers.getLength(), MAX_REQUEST_BYTES, "a webhook endpoint's limit");
  }

  private static <T> T available(Supplier<T> call) {
    try {
      return call.get();
    } catch (WebhooksUnavailableException e) {
      throw new ProblemException(Problem.of(503, "Service Unavailable", e.getMessage()));
    }
  }

  private static ProblemException refused(EndpointRefusedException e) {
    return new ProblemException(
        Problem.of(422, "Webhook URL refused", e.getMessage())
            .withErrors(List.of(new dev.herald.api.Violation("/url", e.getMessage()))));
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        Problem.of(
            404,
            "Not Found",
            "No webhook endpoint with id '" + id + "'; GET /api/webhooks lists them"));
  }

  /** 403 for a caller bound to tenants: webhook endpoints serve every tenant. */
  private void refuseBoundCaller() {
    Caller.of(security, tenants)
        .refuseIfBound("Webhook endpoints and their deliveries serve every tenant");
  }
}
