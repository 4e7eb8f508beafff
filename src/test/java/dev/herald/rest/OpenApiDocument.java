package dev.herald.rest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.herald.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI 3.1 document, and what the tests check in it: which operations it has, and whether
 * every example it holds is valid against the schema it illustrates. Its schemas are JSON Schema
 * 2020-12: the whole document is loaded as one schema resource, so that each schema is validated
 * against at its JSON pointer and its {@code #/components/schemas/...} references resolve as in the
 * document.
 */
final class OpenApiDocument {

  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private static final String BASE = "https://herald.test/openapi.json";
  private static final String EXAMPLES = "#/components/examples/";

  private final JsonNode root;
  private final SchemaRegistry registry;

  /** What is wrong with the examples, and how many were checked. */
  record ExampleReport(List<String> invalid, int checked) {}

  OpenApiDocument(JsonNode root) {
    this.root = root;
    String text = Json.MAPPER.writeValueAsString(root);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemas(Map.of(BASE, text))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
  }

  static OpenApiDocument json(String text) {
    return new OpenApiDocument(Json.MAPPER.readTree(text));
  }

  static OpenApiDocument yaml(Path file) {
    try {
      return new OpenApiDocument(new YAMLMapper().readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** Every operation, as {@code GET /api/events/{id}}. */
  Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          operations.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  /** The routes the document lacks, as {@code METHOD template}. */
  Set<String> undocumented(List<Routes.Route> routes) {
    Set<String> missing = new TreeSet<>();
    routes.stream().map(Routes.Route::toString).forEach(missing::add);
    missing.removeAll(operations());
    return missing;
  }

  JsonNode operation(String method, String path) {
    return root.path("paths").path(path).path(method.toLowerCase());
  }

  /** The node a local reference ({@code #/components/...}) names, or the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode at = node;
    while (at.has("$ref")) {
      at = root.at(at.get("$ref").asString().substring(1));
    }
    return at;
  }

  /**
   * Validates every example against its schema: those of media types (request bodies, responses,
   * parameters with content), of parameters and headers, in paths and in components, and the {@code
   * examples} and {@code example} keywords of schemas.
   */
  ExampleReport checkExamples() {
    Checker checker = new Checker();
    JsonNode paths = root.path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      String at = "/paths/" + escape(path.getKey());
      checker.parameters(path.getValue().path("parameters"), at + "/parameters");
      for (String method : METHODS) {
        JsonNode operation = path.getValue().path(method);
        if (operation.isMissingNode()) {
          continue;
        }
        String op = at + "/" + method;
        checker.parameters(operation.path("parameters"), op + "/parameters");
        checker.container(operation.path("requestBody"), op + "/requestBody");
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
          checker.container(response.getValue(), op + "/responses/" + response.getKey());
        }
      }
    }
    JsonNode components = root.path("components");
    for (String kind : List.of("requestBodies", "responses")) {
      components
          .path(kind)
          .properties()
          .forEach(e -> checker.container(e.getValue(), "/components/" + kind + "/" + e.getKey()));
    }
    checker.parameters(components.path("parameters"), "/components/parameters");
    components
        .path("headers")
        .properties()
        .forEach(e -> checker.parameter(e.getValue(), "/components/headers/" + e.getKey()));
    components
        .path("schemas")
        .properties()
        .forEach(e -> checker.schemaExamples(e.getValue(), "/components/schemas/" + e.getKey()));
    return new ExampleReport(List.copyOf(checker.invalid), checker.checked);
  }

  /**
   * What is wrong with {@code value} against the schema at {@code schemaPointer}: each error with
   * its location in the value; nothing when it is valid.
   */
  List<String> validate(JsonNode value, String schemaPointer) {
    List<String> errors = new ArrayList<>();
    try {
      Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer));
      for (Error error : schema.validate(value)) {
        errors.add(
            "at "
                + error.getInstanceLocation()
                + ", "
                + error.getMessage()
                + " ("
                + error.getKeyword()
                + ")");
      }
    } catch (RuntimeException e) {
      errors.add("its schema at " + schemaPointer + " does not load: " + e);
    }
    return errors;
  }

  /** The components' examples that nothing in the document refers to, and so nothing checks. */
  Set<String> unreferencedExamples() {
    Set<String> unused = new TreeSet<>();
    root.path("components").path("examples").propertyNames().forEach(unused::add);
    unused.removeAll(references(root, new LinkedHashSet<>()));
    return unused;
  }

  private static Set<String> references(JsonNode node, Set<String> found) {
    if (node.isObject() && node.path("$ref").isString()) {
      String ref = node.get("$ref").asString();
      if (ref.startsWith(EXAMPLES)) {
        found.add(ref.substring(EXAMPLES.length()));
      }
    }
    if (node.isContainer()) {
      node.values().forEach(child -> references(child, found));
    }
    return found;
  }

  /** RFC 6901: {@code ~} and {@code /} in a reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private final class Checker {
    private final List<String> invalid = new ArrayList<>();
    private int checked;

    /** A request body, a response or a parameter with content: its media types' examples. */
    void container(JsonNode node, String at) {
      if (node.isMissingNode()) {
        return;
      }
      if (node.has("$ref")) {
        return; // checked where it is defined, in components
      }
      for (Map.Entry<String, JsonNode> media : node.path("content").properties()) {
        exampled(media.getValue(), at + "/content/" + escape(media.getKey()));
      }
      for (Map.Entry<String, JsonNode> header : node.path("headers").properties()) {
        parameter(header.getValue(), at + "/headers/" + escape(header.getKey()));
      }
    }

    void parameters(JsonNode list, String at) {
      if (list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          parameter(list.get(i), at + "/" + i);
        }
      } else if (list.isObject()) {
        list.properties().forEach(e -> parameter(e.getValue(), at + "/" + escape(e.getKey())));
      }
    }

    /** A parameter or a header: a schema with examples, or content. */
    void parameter(JsonNode node, String at) {
      if (node.has("$ref")) {
        return;
      }
      exampled(node, at);
      container(node, at);
    }

    /** An object with {@code schema} and {@code example} or {@code examples}. */
    void exampled(JsonNode node, String at) {
      String schema = at + "/schema";
      if (node.has("example")) {
        check(node.get("example"), schema, at + "/example");
      }
      for (Map.Entry<String, JsonNode> example : node.path("examples").properties()) {
        JsonNode value = example.getValue();
        String where = at + "/examples/" + escape(example.getKey());
        if (value.has("$ref")) {
          where = value.get("$ref").asString() + " (from " + where + ")";
          value = resolve(value);
        }
        if (value.has("value")) {
          check(value.get("value"), schema, where);
        } else if (!value.has("externalValue")) {
          invalid.add(where + ": an example object without value");
        }
      }
      if (node.has("schema")) {
        schemaExamples(node.get("schema"), schema);
      }
    }

    /** The examples a schema and its subschemas hold. */
    void schemaExamples(JsonNode schema, String at) {
      if (!schema.isObject()) {
        return;
      }
      if (schema.path("examples").isArray()) {
        JsonNode examples = schema.get("examples");
        for (int i = 0; i < examples.size(); i++) {
          check(examples.get(i), at, at + "/examples/" + i);
        }
      }
      if (schema.has("example")) {
        check(schema.get("example"), at, at + "/example");
      }
      for (Map.Entry<String, JsonNode> member : schema.properties()) {
        String key = member.getKey();
        JsonNode value = member.getValue();
        if (List.of("examples", "example", "enum", "const", "default").contains(key)) {
          continue;
        }
        boolean map = key.equals("properties") || key.equals("$defs") || key.endsWith("Properties");
        if (map && value.isObject() && !key.equals("additionalProperties")) {
          value
              .properties()
              .forEach(
                  e -> schemaExamples(e.getValue(), at + "/" + key + "/" + escape(e.getKey())));
        } else if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            schemaExamples(value.get(i), at + "/" + key + "/" + i);
          }
        } else if (value.isObject()) {
          schemaExamples(value, at + "/" + key);
        }
      }
    }

    void check(JsonNode example, String schemaPointer, String where) {
      checked++;
      if (root.at(schemaPointer).isMissingNode()) {
        invalid.add(where + ": an example without a schema to check it against");
        return;
      }
      validate(example, schemaPointer).forEach(error -> invalid.add(where + ": " + error));
    }
  }
}
