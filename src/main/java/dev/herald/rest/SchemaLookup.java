package dev.herald.rest;

import dev.herald.schemas.EventSchema;
import dev.herald.schemas.SchemaCatalog;
import dev.herald.schemas.TypeSchemas;
import jakarta.ws.rs.core.Response;

/** The REST side of the catalog: a type or a version that is not there is a 404 problem. */
final class SchemaLookup {

  static final String SCHEMA_JSON = "application/schema+json";

  private SchemaLookup() {}

  /**
   * @param listing the endpoint that lists the known types, for the error message
   */
  static TypeSchemas type(SchemaCatalog catalog, String type, String listing) {
    return catalog
        .type(type)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "Unknown event type",
                        "Herald carries no event type '"
                            + type
                            + "'; GET "
                            + listing
                            + " lists them")));
  }

  /** One version's schema, saying which version it is and how to send it ({@link ServedSchema}). */
  static Response schema(TypeSchemas schemas, int version) {
    EventSchema schema = schemas.versions().get(version);
    if (schema == null) {
      throw new ProblemException(
          Problem.of(
              404,
              "Unknown schema version",
              schemas.type()
                  + " has no version "
                  + version
                  + "; known versions: "
                  + schemas.versions().keySet()));
    }
    ServedSchema served = ServedSchema.of(schemas, schema);
    Response.ResponseBuilder response = Response.ok(served.body(), SCHEMA_JSON);
    served.headers().forEach(response::header);
    return response.build();
  }
}
