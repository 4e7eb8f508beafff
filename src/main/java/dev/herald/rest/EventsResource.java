package dev.herald.rest;

import dev.herald.api.BatchReceipt;
import dev.herald.api.CloudEvent;
import dev.herald.api.EventOutcome;
import dev.herald.api.EventPublisher;
import dev.herald.api.InvalidEventException;
import dev.herald.api.Violation;
import dev.herald.config.PublishSettings;
import dev.herald.config.TenantSettings;
import dev.herald.events.Json;
import dev.herald.routing.RecentOutcomes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Publishes events over HTTP and shows what the handlers did with them. */
@Path("events")
@RequestScoped
@Tag(name = ApiDoc.EVENTS)
public class EventsResource {

  @Inject EventPublisher publisher;
  @Inject RecentOutcomes outcomes;

  @Inject PublishSettings settings;
  @Inject TenantSettings tenants;

  /** Who calls, and so which tenants it may publish for and read. */
  @Context SecurityContext security;

  /** The request's headers: its {@code Content-Length} sizes the read of the body. */
  @Context HttpHeaders headers;

  /**
   * Publish stages complete on the Kafka producer's I/O thread; the response is built and written
   * on a managed thread instead, so that serializing it never holds up the producer.
   */
  @Resource ManagedExecutorService responses;

  /** Answers 202 once the broker stored the event, with its topic, partition and offset. */
  @POST
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishEvent",
      summary = "Publish one event",
      description =
          "Validates the envelope, then the data against its type's schema, and answers once the"
              + " broker stored the event (acks=all).")
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.PUBLISHER, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.PUBLISHER, Roles.ADMIN})
  @RequestBody(ref = ApiDoc.EVENT_BODY)
  @APIResponse(responseCode = "202", ref = ApiDoc.PUBLISHED)
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ApiDoc.TENANT_FORBIDDEN)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "422", ref = ApiDoc.INVALID_EVENT)
  @APIResponse(responseCode = "503", ref = ApiDoc.BROKER_UNAVAILABLE)
  public CompletionStage<Response> publish(InputStream body) {
    JsonNode json =
        RequestBodies.readJson(
            body,
            headers.getLength(),
            settings.maxEventBytes(),
            PublishSettings.MAX_EVENT_BYTES.key());
    EventRequest.Result request = EventRequest.read(json, "", settings);
    if (!request.valid()) {
      throw invalid(request.violations());
    }
    return publisher
        .publish(caller().publishing(request.event()))
        .handleAsync(
            (receipt, error) ->
                error != null
                    ? failure(error)
                    : Response.accepted(ReceiptBodies.receipt(receipt))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .location(URI.create("/api/events/" + receipt.id()))
                        .build(),
            responses);
  }

  /**
   * Publishes a JSON array of events, all or nothing on validation: 202 with each event's topic,
   * partition and offset, or 422 listing every violation (JSON pointers start with the index).
   */
  @POST
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishBatch",
      summary = "Publish a batch of events",
      description =
          "All or nothing on validation: one invalid event and none is sent. Answers once the"
              + " broker stored every event.")
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.PUBLISHER, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.PUBLISHER, Roles.ADMIN})
  @RequestBody(ref = ApiDoc.BATCH_BODY)
  @APIResponse(responseCode = "202", ref = ApiDoc.BATCH_PUBLISHED)
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ApiDoc.TENANT_FORBIDDEN)
  @APIResponse(responseCode = "413", ref = ApiDoc.BATCH_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(responseCode = "422", ref = ApiDoc.INVALID_BATCH)
  @APIResponse(responseCode = "503", ref = ApiDoc.BATCH_NOT_STORED)
  public CompletionStage<Response> publishBatch(InputStream body) {
    JsonNode json =
        RequestBodies.readJson(
            body,
            headers.getLength(),
            settings.maxBatchBytes(),
            PublishSettings.MAX_BATCH_BYTES.key());
    if (!json.isArray()) {
      throw new ProblemException(
          Problem.of(
              400,
              "Bad Request",
              "A batch is a JSON array of events, got a JSON " + Json.kind(json)));
    }
    if (json.size() > settings.maxBatchSize()) {
      throw new ProblemException(
          Problem.of(
              413,
              "Content Too Large",
              "The batch has "
                  + json.size()
                  + " events; at most "
                  + settings.maxBatchSize()
                  + " are accepted ("
                  + PublishSettings.MAX_BATCH_SIZE.key()
                  + ")"));
    }
    List<CloudEvent> events = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      EventRequest.Result request = EventRequest.read(json.get(i), "/" + i, settings);
      violations.addAll(request.violations());
      events.add(request.event());
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return publisher
        .publishBatch(caller().publishingBatch(events))
        .thenApplyAsync(EventsResource::batchResponse, responses);
  }

  /** The handler results of a recently handled event. */
  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getEventOutcome",
      summary = "What each handler did with an event",
      description =
          "Among the recently handled events (herald.outcomes.retained); a caller bound to tenants"
              + " sees only theirs.")
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(
      responseCode = "200",
      description = "The handlers' results",
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = EventOutcome.class),
              examples = @ExampleObject(name = "handled", ref = "EventOutcome")))
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public EventOutcome outcome(@PathParam("id") String id) {
    Caller caller = caller();
    return outcomes
        .find(id)
        .filter(outcome -> caller.mayRead(outcome.tenantid()))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "Not Found",
                        "No handled event with id '"
                            + id
                            + "' among the recent outcomes (herald.outcomes.retained); it may"
                            + " not have been consumed yet")));
  }

  private Caller caller() {
    return Caller.of(security, tenants);
  }

  private static Response batchResponse(BatchReceipt receipt) {
    if (!receipt.valid()) {
      List<Violation> violations = new ArrayList<>();
      for (int i = 0; i < receipt.results().size(); i++) {
        List<Violation> found = receipt.results().get(i).violations();
        if (found != null) {
          String at = "/" + i;
          found.forEach(v -> violations.add(new Violation(at + v.pointer(), v.detail())));
        }
      }
      throw invalid(violations);
    }
    if (!receipt.allStored()) {
      return unavailable(
          Map.of(
              "type", "about:blank",
              "title", "Broker unavailable",
              "status", 503,
              "detail", "Some events of the batch were not stored; see results",
              "results", receipt.results()));
    }
    return Response.accepted(ReceiptBodies.accepted(receipt.results()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static ProblemException invalid(List<Violation> violations) {
    return new ProblemException(
        Problem.of(422, "Invalid event", summary(violations)).withErrors(violations));
  }

  private static String summary(List<Violation> violations) {
    String first =
        violations.stream()
            .limit(3)
            .map(Violation::toString)
            .collect(java.util.stream.Collectors.joining("; "));
    return violations.size() <= 3 ? first : first + "; and " + (violations.size() - 3) + " more";
  }

  private static Response failure(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof InvalidEventException invalid) {
      throw invalid(invalid.violations());
    }
    String detail = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return unavailable(
        Problem.of(503, "Broker unavailable", "The event was not stored: " + detail));
  }

  /** 503 with a problem body: the client may retry the same events after a while. */
  private static Response unavailable(Object problem) {
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", "5")
        .entity(problem)
        .build();
  }
}
