package dev.herald.rest;

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
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
public class WebhooksResource {

  /** An endpoint is a few lines of JSON. */
  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  @Inject Endpoints endpoints;
  @Inject Deliveries deliveries;
  @Inject Redelivery redelivery;

  @Context HttpHeaders headers;

  /** Registers an endpoint: 201 with {@code Location} and the secret, or a 422 saying why not. */
  @Audited
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
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
    return Response.created(URI.create("/api/webhooks/" + endpoint.id()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(WebhookView.withSecret(endpoint))
        .build();
  }

  /** Every endpoint, the oldest first, without secrets. */
  @GET
  public List<WebhookView> list() {
    return available(() -> endpoints.list().stream().map(WebhookView::of).toList());
  }

  @GET
  @Path("{id}")
  public WebhookView show(@PathParam("id") String id) {
    return WebhookView.of(available(() -> endpoints.find(id)).orElseThrow(() -> notFound(id)));
  }

  /** Changes the members given: url, types, tenantid (null for every tenant), enabled. */
  @Audited
  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
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
  public WebhookView rotateSecret(@PathParam("id") String id) {
    return WebhookView.withSecret(
        available(() -> endpoints.rotateSecret(id)).orElseThrow(() -> notFound(id)));
  }

  /** The recent attempts of this server, the newest first. */
  @GET
  @Path("{id}/deliveries")
  public List<Delivery> deliveries(@PathParam("id") String id) {
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
}
