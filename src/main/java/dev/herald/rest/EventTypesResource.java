package dev.herald.rest;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.schemas.EventSchema;
import dev.herald.schemas.SchemaCatalog;
import dev.herald.schemas.TypeSchemas;
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
import java.util.NavigableMap;

/** The event types Herald carries, where they travel, and their schemas. */
@Path("event-types")
@RequestScoped
public class EventTypesResource {

  /** One event type as {@code GET /api/event-types} lists it. */
  public record EventType(
      String type,
      String channel,
      String topic,
      String deadLetterTopic,
      List<Integer> versions,
      int latestVersion) {}

  @Inject EventChannels channels;
  @Inject SchemaCatalog catalog;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<EventType> list() {
    return channels.all().stream().map(this::describe).toList();
  }

  /** The type's JSON Schema: the latest version, or {@code ?version=N}. */
  @GET
  @Path("{type}/schema")
  @Produces({"application/schema+json", MediaType.APPLICATION_JSON})
  public Response schema(@PathParam("type") String type, @QueryParam("version") Integer version) {
    TypeSchemas schemas = SchemaLookup.type(catalog, type, "/api/event-types");
    return SchemaLookup.schema(schemas, version == null ? schemas.latest().version() : version);
  }

  private EventType describe(EventChannel channel) {
    NavigableMap<Integer, EventSchema> versions = catalog.versions(channel.type());
    return new EventType(
        channel.type(),
        channel.channel(),
        channel.topic(),
        channel.deadLetterTopic(),
        List.copyOf(versions.keySet()),
        versions.lastKey());
  }
}
