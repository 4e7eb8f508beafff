package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.events.Json;
import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API document Liberty serves on {@code /openapi}: every route of the resources is in it with
 * what it answers and who may call it, every example in it is valid against its schema, real
 * answers match their schemas, and the document and its UI need no login.
 */
@HeraldIT
class OpenApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();
  private final HttpClient http = HttpClient.newHttpClient();
  private OpenApiDocument document;

  @BeforeEach
  void fetch() throws Exception {
    HttpResponse<String> response = anonymous("openapi", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    document = OpenApiDocument.json(response.body());
  }

  @Test
  void everyRouteTheResourcesDeclareIsDocumentedAndNothingElse() {
    List<Routes.Route> routes = Routes.scan().all();
    Set<String> declared = new TreeSet<>();
    routes.forEach(route -> declared.add(route.toString()));

    assertThat(routes).hasSizeGreaterThan(35);
    assertThat(document.undocumented(routes)).as("routes missing from /openapi").isEmpty();
    Set<String> documented = new TreeSet<>(document.operations());
    // the test deployment's own helpers (dev.herald.testing), not part of Herald
    documented.removeIf(operation -> operation.contains(" /api/test/"));
    assertThat(documented).as("operations of /openapi").isEqualTo(declared);
  }

  @Test
  void everyOperationSaysWhatItAnswersWhatItTakesAndWhoMayCallIt() {
    SoftAssertions softly = new SoftAssertions();
    for (Routes.Route route : Routes.scan().all()) {
      JsonNode operation = document.operation(route.method(), route.template());
      String name = route.toString();
      softly.assertThat(operation.path("summary").asString()).as(name + " summary").isNotBlank();
      softly.assertThat(operation.path("operationId").asString()).as(name + " id").isNotBlank();
      softly.assertThat(operation.path("tags").size()).as(name + " tags").isEqualTo(1);

      JsonNode responses = operation.path("responses");
      List<String> success =
          responses.propertyNames().stream().filter(code -> code.startsWith("2")).toList();
      softly.assertThat(success).as(name + " 2xx answers").isNotEmpty();
      for (String code : success) {
        JsonNode response = document.resolve(responses.get(code));
        if (code.equals("204")) {
          softly.assertThat(response.has("content")).as(name + " 204 has no body").isFalse();
          continue;
        }
        softly.assertThat(response.path("content").size()).as(name + " " + code).isPositive();
        response
            .path("content")
            .properties()
            .forEach(
                media ->
                    softly
                        .assertThat(media.getValue().has("schema"))
                        .as(name + " " + code + " " + media.getKey() + " schema")
                        .isTrue());
      }
      for (String code : responses.propertyNames()) {
        if (code.startsWith("4") || code.startsWith("5")) {
          JsonNode problem =
              document.resolve(responses.get(code)).path("content").path(Problem.MEDIA_TYPE);
          softly.assertThat(problem.has("schema")).as(name + " " + code + " problem").isTrue();
        }
      }

      JsonNode body = document.resolve(operation.path("requestBody"));
      softly
          .assertThat(!body.isMissingNode())
          .as(name + " request body")
          .isEqualTo(route.consumesBody());
      if (route.consumesBody()) {
        softly
            .assertThat(body.path("content").path("application/json").has("schema"))
            .as(name + " request body schema")
            .isTrue();
        softly.assertThat(responses.has("415")).as(name + " 415").isTrue();
      }

      Set<String> roles = Set.copyOf(Roles.allowed(route.handler()));
      softly.assertThat(roles).as(name + " roles in the code").isNotEmpty();
      Set<String> documented = new TreeSet<>();
      operation.path(ApiDocFilter.ROLES).forEach(role -> documented.add(role.asString()));
      softly.assertThat(documented).as(name + " x-roles").isEqualTo(new TreeSet<>(roles));
      softly
          .assertThat(operation.path("description").asString())
          .as(name + " description")
          .contains("Roles: ");
      // two alternatives: HTTP Basic or a bearer JWT
      softly.assertThat(operation.path("security").size()).as(name + " security").isEqualTo(2);
      Set<String> schemes = new TreeSet<>();
      operation
          .path("security")
          .forEach(requirement -> schemes.addAll(requirement.propertyNames()));
      softly.assertThat(schemes).as(name + " security").containsExactly("basic", "jwt");
      softly.assertThat(responses.has("401")).as(name + " 401").isTrue();
      softly.assertThat(responses.has("403")).as(name + " 403").isTrue();
    }
    JsonNode schemes = document.root().path("components").path("securitySchemes");
    softly.assertThat(schemes.path("basic").path("scheme").asString()).isEqualTo("basic");
    softly.assertThat(schemes.path("jwt").path("scheme").asString()).isEqualTo("bearer");
    softly.assertThat(schemes.path("jwt").path("bearerFormat").asString()).isEqualTo("JWT");
    softly.assertAll();
  }

  @Test
  void everyExampleIsValidAgainstItsSchemaAndEachIsUsed() {
    OpenApiDocument.ExampleReport report = document.checkExamples();

    assertThat(report.invalid()).as("invalid examples").isEmpty();
    assertThat(report.checked()).as("examples checked").isGreaterThan(40);
    assertThat(document.unreferencedExamples()).as("examples nothing refers to").isEmpty();
  }

  @Test
  void theDocumentAndItsUiNeedNoLogin() throws Exception {
    HttpResponse<String> yaml = anonymous("openapi", null);
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.body()).contains("\nopenapi: 3.1.0\n");

    HttpResponse<String> json = anonymous("openapi?format=JSON", null);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(OpenApiDocument.json(json.body()).operations()).isEqualTo(document.operations());

    HttpResponse<String> ui = anonymous("openapi/ui/", null);
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(ui.body()).containsIgnoringCase("<html");

    assertThat(anonymous("api/channels", null).statusCode()).as("the API itself").isEqualTo(401);
  }

  @Test
  void realAnswersMeetTheSchemasTheDocumentGivesThem() throws Exception {
    String id = TestEvents.newId();
    ObjectNode event = (ObjectNode) example("PublishEvent");
    event.put("id", id);
    HttpResponse<String> published = herald.postJson("api/events", event.toString());
    assertThat(published.statusCode()).isEqualTo(202);
    assertValid(published, "post", "/api/events");

    JsonNode batch = example("PublishBatch");
    batch.forEach(each -> ((ObjectNode) each).put("id", TestEvents.newId()));
    HttpResponse<String> stored = herald.postJson("api/events/batch", batch.toString());
    assertThat(stored.statusCode()).isEqualTo(202);
    assertValid(stored, "post", "/api/events/batch");

    event.put("id", TestEvents.newId());
    ((ObjectNode) event.get("data")).put("channel", "telegram");
    HttpResponse<String> invalid = herald.postJson("api/events", event.toString());
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertValid(invalid, "post", "/api/events");

    assertValid(anonymous("api/channels", null), "get", "/api/channels");
    assertValid(herald.get("api/channels"), "get", "/api/channels");
    assertValid(herald.get("api/channels/nope"), "get", "/api/channels/{channel}");
    assertValid(herald.get("api/event-types"), "get", "/api/event-types");
    assertValid(herald.get("api/stats"), "get", "/api/stats");
    assertValid(herald.get("api/me"), "get", "/api/me");
    herald.awaitOutcome(id);
    assertValid(herald.get("api/events/" + id), "get", "/api/events/{id}");
  }

  /** The body is valid against the schema the document gives the operation's answer. */
  private void assertValid(HttpResponse<String> response, String method, String path) {
    String code = Integer.toString(response.statusCode());
    String answer = "/paths/" + OpenApiDocument.escape(path) + "/" + method + "/responses/" + code;
    JsonNode documented = document.root().at(answer);
    assertThat(documented.isMissingNode()).as(method + " " + path + " documents " + code).isFalse();
    if (documented.has("$ref")) {
      answer = documented.get("$ref").asString().substring(1);
    }
    String mediaType = response.headers().firstValue("Content-Type").orElseThrow().split(";")[0];
    String schema = answer + "/content/" + OpenApiDocument.escape(mediaType) + "/schema";
    assertThat(document.validate(Json.MAPPER.readTree(response.body()), schema))
        .as(method + " " + path + " " + code + ": " + response.body())
        .isEmpty();
  }

  private JsonNode example(String name) {
    return document.root().path("components").path("examples").path(name).path("value").deepCopy();
  }

  private HttpResponse<String> anonymous(String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(herald.base().resolve(path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
