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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event types Herald carries, where they travel, and their schemas. */
@RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@Path("event-types")
@RequestScoped
@Tag(name = ApiDoc.CATALOG)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
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
  @Operation(
      operationId = "listEventTypes",
      summary = "Every event type: its channel, topics, schema versions",
      description = "And how an event names its data's version.")
  @APIResponse(responseCode = "200", description = "The types, in the catalog's order")
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
  @Operation(
      operationId = "getEventTypeSchema",
      summary = "A type's JSON Schema, the latest version by default",
      description =
          "A $comment and the headers say which version it is and how to send it (schemaversion, or"
              + " dataschema naming the $id).")
  @APIResponse(
      responseCode = "200",
      description = "The schema",
      headers = {
        @Header(
            name = ServedSchema.VERSION_HEADER,
            description = "The version served",
            schema = @Schema(type = SchemaType.INTEGER)),
        @Header(
            name = ServedSchema.ATTRIBUTE_HEADER,
            description = "The CloudEvents attribute that names the version: schemaversion",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Link",
            description = "The schema's $id, rel=\"canonical\": the value dataschema may name",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(mediaType = ApiDoc.SCHEMA_JSON, schema = @Schema(ref = ApiDoc.JSON_SCHEMA)))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response schema(
      @PathParam("type") String type,
      @Parameter(description = "The version, a whole number; the latest when absent")
          @QueryParam("version")
          String version) {
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
