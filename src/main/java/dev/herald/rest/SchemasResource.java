package dev.herald.rest;

import dev.herald.api.Upcaster;
import dev.herald.schemas.SchemaCatalog;
import dev.herald.schemas.TypeSchemas;
import dev.herald.schemas.compatibility.CompatibilityProblem;
import dev.herald.schemas.upcasting.DeclarativeUpcaster;
import jakarta.annotation.security.RolesAllowed;
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
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The schema catalog: versions and policies, each version's schema, and compatibility checks. */
@RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@Path("schemas")
@RequestScoped
@Tag(name = ApiDoc.CATALOG)
@SecurityRequirement(
    name = ApiDoc.BASIC,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
@SecurityRequirement(
    name = ApiDoc.JWT,
    scopes = {Roles.READER, Roles.OPERATOR, Roles.ADMIN})
public class SchemasResource {

  private static final int MAX_SCHEMA_BYTES = 1_048_576;

  /** One type as {@code GET /api/schemas} lists it. */
  public record TypeVersions(String type, List<Integer> versions, int latest, String policy) {}

  /** The verdict of {@code POST /api/schemas/{type}/check}. */
  public record CheckResult(
      boolean compatible, String policy, int version, List<CompatibilityProblem> problems) {}

  @Inject SchemaCatalog catalog;

  /** The request's headers: a declared length over the limit is refused before reading. */
  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listSchemas",
      summary = "Each type's schema versions and compatibility policy")
  @APIResponse(responseCode = "200", description = "The types, in the catalog's order")
  public List<TypeVersions> list() {
    return catalog.types().values().stream()
        .map(
            t ->
                new TypeVersions(
                    t.type(),
                    List.copyOf(t.versions().keySet()),
                    t.latest().version(),
                    t.policy().name()))
        .toList();
  }

  @GET
  @Path("{type}/versions/{version}")
  @Produces({"application/schema+json", MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getSchemaVersion",
      summary = "One version's JSON Schema",
      description = "With the same headers as GET /api/event-types/{type}/schema.")
  @APIResponse(
      responseCode = "200",
      description = "The schema",
      content =
          @Content(mediaType = ApiDoc.SCHEMA_JSON, schema = @Schema(ref = ApiDoc.JSON_SCHEMA)))
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response version(@PathParam("type") String type, @PathParam("version") int version) {
    return SchemaLookup.schema(type(type), version);
  }

  /**
   * Checks a candidate next version against the existing ones under the type's policy. The body is
   * the candidate JSON Schema, or {@code {"schema": ..., "upcast": [operations]}} when older data
   * is upcast to it.
   */
  @POST
  @Path("{type}/check")
  @Consumes({MediaType.APPLICATION_JSON, "application/schema+json"})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "checkSchema",
      summary = "Is a candidate next version compatible?",
      description =
          "Checks it against the existing versions under the type's policy, after upcasting older"
              + " data with the steps given. Nothing is stored.")
  @RequestBody(ref = ApiDoc.SCHEMA_CHECK_BODY)
  @APIResponse(
      responseCode = "200",
      description = "The verdict, with every breaking change",
      content =
          @Content(
              mediaType = ApiDoc.JSON,
              schema = @Schema(implementation = CheckResult.class),
              examples = @ExampleObject(name = "incompatible", ref = "CheckIncompatible")))
  @APIResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "413", ref = ApiDoc.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.NOT_JSON)
  @APIResponse(
      responseCode = "422",
      description =
          "Not a JSON Schema Herald can check (or one that names another document), or invalid"
              + " upcast steps",
      content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(ref = ApiDoc.PROBLEM)))
  public CheckResult check(@PathParam("type") String type, InputStream body) {
    TypeSchemas schemas = type(type);
    JsonNode request =
        RequestBodies.readJson(
            body, headers.getLength(), MAX_SCHEMA_BYTES, "at most 1 MiB per schema");
    boolean envelope = request.isObject() && request.has("schema") && !request.has("$schema");
    JsonNode candidate = envelope ? request.get("schema") : request;
    Upcaster step = null;
    if (envelope && request.has("upcast")) {
      try {
        step = DeclarativeUpcaster.of(type, schemas.latest().version(), request.get("upcast"));
      } catch (IllegalArgumentException e) {
        throw new ProblemException(Problem.of(422, "Invalid upcast", e.getMessage()));
      }
    }
    if (!candidate.isObject()) {
      throw new ProblemException(
          Problem.of(422, "Invalid schema", "A JSON Schema is a JSON object here"));
    }
    List<CompatibilityProblem> problems;
    try {
      problems = catalog.check(schemas, candidate, step);
    } catch (SchemaCatalog.InvalidSchemaException e) {
      throw new ProblemException(Problem.of(422, "Invalid schema", e.getMessage()));
    }
    return new CheckResult(
        problems.isEmpty(), schemas.policy().name(), schemas.latest().version() + 1, problems);
  }

  private TypeSchemas type(String type) {
    return SchemaLookup.type(catalog, type, "/api/schemas");
  }
}
