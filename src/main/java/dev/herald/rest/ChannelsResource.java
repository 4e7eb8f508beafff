package dev.herald.rest;

import dev.herald.config.EventChannel;
import dev.herald.config.TenantSettings;
import dev.herald.control.ChannelControl;
import dev.herald.control.ChannelState;
import dev.herald.control.ChannelStatesUnavailableException;
import dev.herald.kafka.BrokerStatus;
import dev.herald.kafka.KafkaProbe;
import dev.herald.kafka.PartitionLag;
import dev.herald.retry.RetryTopic;
import dev.herald.retry.RetryTopics;
import dev.herald.routing.EventManager;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Herald's channels: what each reads and where its failures go, its state and lag, and the pause
 * switch. Lags come from the Kafka probe's last check ({@code herald.probe.interval-ms}), so a
 * request never waits on the broker.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("channels")
@RequestScoped
@Tag(name = ApiDoc.CHANNELS)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.OPERATOR, Roles.ADMIN})
public class ChannelsResource {

  @Inject ChannelControl control;
  @Inject KafkaProbe probe;
  @Inject RetryTopics retryTopics;
  @Inject EventManager manager;
  @Inject TenantSettings tenants;

  /** Who calls: a caller bound to tenants may not read what spans every tenant. */
  @Context SecurityContext security;

  @GET
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listChannels",
      summary = "Every channel: what it reads, its state and lag",
      description =
          "Lags as of the Kafka probe's last check (lagCheckedAt). " + ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(responseCode = "200", description = "The channels, in the catalog's order")
  public List<ChannelView> channels() {
    refuseBoundCaller();
    BrokerStatus status = probe.status();
    List<ChannelView> views = new ArrayList<>();
    for (EventChannel channel : control.channels()) {
      views.add(view(channel, status));
    }
    return views;
  }

  @GET
  @Path("{channel}")
  @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getChannel", summary = "One channel", description = ApiDoc.EVERY_TENANT)
  @SecurityRequirement(
      name = ApiDoc.BASIC,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @SecurityRequirement(
      name = ApiDoc.JWT,
      scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
  @APIResponse(
      responseCode = "200",
      description = "The channel",
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = ChannelView.class),
              examples = @ExampleObject(name = "running", ref = "Channel")))
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public ChannelView channel(@PathParam("channel") String name) {
    refuseBoundCaller();
    return view(known(name), probe.status());
  }

  /**
   * Stops handling the channel's events on every server; its lag grows until resumed. Idempotent.
   */
  @Audited
  @POST
  @Path("{channel}/pause")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "pauseChannel",
      summary = "Stop handling a channel's events",
      description =
          "On every server, and across restarts: the pause is stored in the channel states'"
              + " topic first. Its consumer stays in its group, nothing is handled or committed and"
              + " the lag grows until it is resumed. Idempotent.")
  @APIResponse(responseCode = "200", description = "The channel, paused")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public ChannelView pause(@PathParam("channel") String name, @Context SecurityContext caller) {
    EventChannel channel = known(name);
    stored(() -> control.pause(channel.channel(), user(caller)));
    return view(channel, probe.status());
  }

  /** Handles the channel's events again on every server, from where it stopped. Idempotent. */
  @Audited
  @POST
  @Path("{channel}/resume")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resumeChannel",
      summary = "Handle a paused channel's events again",
      description =
          "On every server, from where it stopped: the lag drains. The resume is stored in the"
              + " channel states' topic first. Idempotent.")
  @APIResponse(responseCode = "200", description = "The channel, running")
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "503", ref = ApiDoc.UNAVAILABLE)
  public ChannelView resume(@PathParam("channel") String name, @Context SecurityContext caller) {
    EventChannel channel = known(name);
    stored(() -> control.resume(channel.channel(), user(caller)));
    return view(channel, probe.status());
  }

  /** Runs a pause or resume; 503 when the broker did not store it. */
  private static void stored(Runnable change) {
    try {
      change.run();
    } catch (ChannelStatesUnavailableException e) {
      throw new ProblemException(
          Problem.of(
              503,
              "Service Unavailable",
              "The channel's state was not stored, so nothing changed: "
                  + e.getMessage()
                  + "; try again once Kafka answers"));
    }
  }

  private static String user(SecurityContext caller) {
    Principal user = caller.getUserPrincipal();
    return user == null ? null : user.getName();
  }

  private EventChannel known(String name) {
    return control
        .channel(name)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "Not Found",
                        "No channel '" + name + "'; GET /api/channels lists Herald's channels")));
  }

  private ChannelView view(EventChannel channel, BrokerStatus status) {
    String name = channel.channel();
    ChannelState state = control.state(name);
    List<PartitionLag> lags = status.partitions().get(name);
    List<String> retries = new ArrayList<>();
    retryTopics.first(name).ifPresent(first -> collect(first, retries));
    return new ChannelView(
        name,
        channel.type(),
        channel.topic(),
        channel.deadLetterTopic(),
        retries,
        channel.groupId(),
        state.label(),
        state == ChannelState.FAILED ? control.failure(name).orElse(null) : null,
        status.lag().get(name),
        lags == null ? List.of() : lags.stream().map(ChannelView.Partition::of).toList(),
        lags == null ? null : status.checkedAt(),
        manager.lastHandled(name).orElse(null));
  }

  private void collect(RetryTopic stage, List<String> topics) {
    for (RetryTopic at = stage; at != null; at = retryTopics.next(at).orElse(null)) {
      topics.add(at.topic());
    }
  }

  /** 403 for a caller bound to tenants: channels' lags count every tenant's events. */
  private void refuseBoundCaller() {
    Caller.of(security, tenants)
        .refuseIfBound("The channels' lags count the events of every tenant");
  }
}
