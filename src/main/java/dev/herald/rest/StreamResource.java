package dev.herald.rest;

import dev.herald.config.TenantSettings;
import dev.herald.stream.StreamRequest;
import dev.herald.stream.Streams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live stream of events as Server-Sent Events: each event with its position as {@code id}, its
 * type as {@code event} and the structured CloudEvent as {@code data}; a reconnect with {@code
 * Last-Event-ID} (or {@code ?lastEventId=}) goes on right after that event. See {@code
 * dev.herald.stream}.
 */
@Path("stream")
@RequestScoped
@Tag(name = ApiDoc.STREAM)
public class StreamResource {

  @Inject Streams streams;
  @Inject TenantSettings tenants;

  /** Who calls, and so which tenants' events it may see. */
  @Context SecurityContext security;

  /**
   * Opens a stream; a bad pattern, tenant or position is a 400, another tenant than the caller's a
   * 403, too many streams or no broker a 503 with {@code Retry-After}.
   *
   * @param types comma-separated type patterns; every type when absent
   * @param tenant the tenant whose events to show; for a caller bound to tenants, one of them
   * @param lastEventId where to resume when the header is absent, e.g. on a first connect
   * @param lastEventIdHeader where to resume: the id of the last event the client got
   */
  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      operationId = "openStream",
      summary = "The live stream of events, as Server-Sent Events",
      description =
          "From now on, or right after the event whose id is sent as Last-Event-ID (or"
              + " lastEventId). A caller bound to tenants sees only theirs.")
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(
      responseCode = "200",
      description = "The stream, open until the client leaves",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(ref = ApiDoc.EVENT_STREAM)))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(
      responseCode = "503",
      description = "Too many live streams, or Kafka did not answer: try again after Retry-After",
      headers = @Header(name = ApiDoc.RETRY_AFTER, ref = ApiDoc.RETRY_AFTER),
      content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(ref = ApiDoc.PROBLEM)))
  public void stream(
      @Parameter(description = "Comma-separated type patterns, e.g. chat.*; every type when absent")
          @QueryParam("types")
          String types,
      @Parameter(
              description = "Only this tenant's events; for a caller bound to tenants, one of them")
          @QueryParam("tenant")
          String tenant,
      @Parameter(description = "Where to resume when the header is absent, e.g. on a first connect")
          @QueryParam("lastEventId")
          String lastEventId,
      @Parameter(description = "Where to resume: the id of the last event the client got")
          @HeaderParam("Last-Event-ID")
          String lastEventIdHeader,
      @Context SseEventSink sink,
      @Context Sse sse) {
    // the header wins: a browser reconnects to the same URL, with the newer id in the header
    String from = lastEventIdHeader != null ? lastEventIdHeader : lastEventId;
    streams.open(
        StreamRequest.parse(types, tenant, from),
        Caller.of(security, tenants).tenants(),
        new SseStreamSink(sink, sse));
  }
}
