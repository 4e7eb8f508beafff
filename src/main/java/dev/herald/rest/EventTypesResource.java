package dev.herald.rest;

import static dev.herald.api.CloudEventAttributes.SCHEMAVERSION;
import static dev.herald.api.CloudEventAttributes.header;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.schemas.EventValidator;
import dev.herald.schemas.SchemaCatalog;
import dev.herald.schemas.TypeSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The event types Herald carries, where they travel, and their schemas. */
@RolesAllowed({Roles.READER, Roles.ADMIN})
@Path("event-types")
@RequestScoped
public class EventTypesResource {

  /**
   * One event type as {@code GET /api/event-types} lists it, with how an event names its data's
   * version: the attribute {@code versionAttribute} ({@code versionHeader} on Kafka), or a {@code
   * dataschema} such as {@code latestSchemaId}; an event naming none is read as {@code
   * versionIfAbsent}.
   */
  public record EventType(
      String type,
      String channel,
      String topic,
      String deadLetterTopic,
      List<Integer> versions,
      int latestVersion,
      String latestSchemaId,
      String versionAttribute,
      String versionHeader,
      int versionIfAbsent) {

    static EventType of(EventChannel channel, TypeSchemas schemas) {
      return new EventType(
          channel.type(),
          channel.channel(),
          channel.topic(),
          channel.deadLetterTopic(),
          List.copyOf(schemas.versions().keySet()),
          schemas.latest().version(),
          schemas.latest().id(),
          SCHEMAVERSION,
          header(SCHEMAVERSION),
          EventValidator.VERSION_IF_ABSENT);
    }
  }

  @Inject EventChannels channels;
  @Inject SchemaCatalog catalog;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<EventType> list() {
    return channels.all().stream().map(this::describe).toList();
  }

  /**
   * The type's JSON Schema: the latest version, or {@code ?version=N}; the response says which
   * version it is and how to send it ({@link ServedSchema}).
   */
  @GET
  @Path("{type}/schema")
  @Produces({"application/schema+json", MediaType.APPLICATION_JSON})
  public Response schema(@PathParam("type") String type, @QueryParam("version") String version) {
    TypeSchemas schemas = SchemaLookup.type(catalog, type, "/api/event-types");
    return SchemaLookup.schema(
        schemas,
        QueryNumbers.read(
            "version", version, schemas.latest().version(), Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  private EventType describe(EventChannel channel) {
    return EventType.of(channel, catalog.type(channel.type()).orElseThrow());
  }
}
