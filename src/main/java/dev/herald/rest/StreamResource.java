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

/**
 * The live stream of events as Server-Sent Events: each event with its position as {@code id}, its
 * type as {@code event} and the structured CloudEvent as {@code data}; a reconnect with {@code
 * Last-Event-ID} (or {@code ?lastEventId=}) goes on right after that event. See {@code
 * dev.herald.stream}.
 */
@Path("stream")
@RequestScoped
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
  @RolesAllowed({Roles.READER, Roles.ADMIN})
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @QueryParam("types") String types,
      @QueryParam("tenant") String tenant,
      @QueryParam("lastEventId") String lastEventId,
      @HeaderParam("Last-Event-ID") String lastEventIdHeader,
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
