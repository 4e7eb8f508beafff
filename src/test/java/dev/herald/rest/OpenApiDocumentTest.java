package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks {@code OpenApiIT} runs on the served document can fail: a wrong example, an example
 * nothing checks, a route the document lacks. And the hand-written part of the document is valid on
 * its own.
 */
class OpenApiDocumentTest {

  /** A document whose receipt schema is referenced, with the example {@code receipt} gives. */
  private static OpenApiDocument receiptDocument(String receipt) {
    return OpenApiDocument.json(
        """
        {"openapi": "3.1.0",
         "paths": {"/api/events/{id}": {"post": {"responses": {"202": {"content": {
           "application/json": {
             "schema": {"$ref": "#/components/schemas/Receipt"},
             "examples": {"stored": {"$ref": "#/components/examples/Stored"}}}}}}}}},
         "components": {
           "schemas": {"Receipt": {"type": "object", "required": ["topic", "offset"],
             "properties": {"topic": {"type": "string"}, "offset": {"type": "integer"},
                            "at": {"type": "string", "format": "date-time"}}}},
           "examples": {"Stored": {"value": %s}}}}
        """
            .formatted(receipt));
  }

  @Test
  void aValidExampleOfAReferencedSchemaPasses() {
    OpenApiDocument.ExampleReport report =
        receiptDocument("{\"topic\": \"t.v1\", \"offset\": 42, \"at\": \"2026-12-02T10:00:00Z\"}")
            .checkExamples();

    assertThat(report.invalid()).isEmpty();
    assertThat(report.checked()).isEqualTo(1);
  }

  @Test
  void aWrongExampleIsReportedWithWhereItIsAndWhatIsWrong() {
    OpenApiDocument.ExampleReport report =
        receiptDocument("{\"topic\": \"t.v1\", \"offset\": \"forty-two\"}").checkExamples();

    assertThat(report.invalid())
        .singleElement()
        .asString()
        .contains("#/components/examples/Stored")
        .contains("/paths/~1api~1events~1{id}/post/responses/202")
        .contains("offset")
        .contains("(type)");
  }

  @Test
  void aMissingRequiredMemberOrAWrongFormatIsReported() {
    assertThat(receiptDocument("{\"offset\": 1}").checkExamples().invalid())
        .singleElement()
        .asString()
        .contains("topic");
    assertThat(
            receiptDocument("{\"topic\": \"t\", \"offset\": 1, \"at\": \"yesterday\"}")
                .checkExamples()
                .invalid())
        .singleElement()
        .asString()
        .contains("date-time");
  }

  @Test
  void inlineExamplesAndSchemaExamplesAreCheckedToo() {
    OpenApiDocument document =
        OpenApiDocument.json(
            """
            {"openapi": "3.1.0", "paths": {"/x": {"get": {
               "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"},
                               "example": "ten"}],
               "responses": {"200": {"content": {"application/json": {
                 "schema": {"type": "object", "properties": {
                   "n": {"type": "integer", "examples": [1, "two"]}}},
                 "example": {"n": true}}}}}}}}}
            """);

    assertThat(document.checkExamples().invalid())
        .hasSize(3)
        .anySatisfy(e -> assertThat(e).startsWith("/paths/~1x/get/parameters/0/example"))
        .anySatisfy(e -> assertThat(e).contains("/content/application~1json/example:"))
        .anySatisfy(e -> assertThat(e).contains("/properties/n/examples/1"));
  }

  @Test
  void anExampleNothingRefersToIsReported() {
    OpenApiDocument document =
        OpenApiDocument.json(
            """
            {"openapi": "3.1.0", "paths": {},
             "components": {"examples": {"Orphan": {"value": {}}}}}
            """);

    assertThat(document.unreferencedExamples()).containsExactly("Orphan");
  }

  @Test
  void aRouteTheDocumentLacksIsReported() {
    List<Routes.Route> routes = Routes.scan().all();
    StringBuilder paths = new StringBuilder();
    for (Routes.Route route : routes.subList(1, routes.size())) {
      paths
          .append(paths.isEmpty() ? "" : ",")
          .append("\"")
          .append(route.template())
          .append("\": {\"")
          .append(route.method().toLowerCase())
          .append("\": {}}");
    }
    // a template with several methods appears once per method above: the last one wins in JSON,
    // so compare with the operations the document really holds
    OpenApiDocument document =
        OpenApiDocument.json("{\"openapi\": \"3.1.0\", \"paths\": {" + paths + "}}");

    assertThat(document.undocumented(routes)).contains(routes.get(0).toString());
  }

  @Test
  void theHandWrittenComponentsAreValidOnTheirOwn() {
    OpenApiDocument document =
        OpenApiDocument.yaml(Path.of("src/main/resources/META-INF/openapi.yaml"));

    OpenApiDocument.ExampleReport report = document.checkExamples();

    assertThat(report.invalid()).isEmpty();
    assertThat(report.checked()).isGreaterThan(10);
    assertThat(document.root().path("openapi").asString()).isEqualTo("3.1.0");
  }
}
