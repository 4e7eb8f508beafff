package dev.herald.schemas;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import dev.herald.api.Upcaster;
import dev.herald.config.EventChannels;
import dev.herald.config.SchemaSettings;
import dev.herald.schemas.compatibility.CompatibilityPolicy;
import dev.herald.schemas.compatibility.CompatibilityProblem;
import dev.herald.schemas.upcasting.DeclarativeUpcaster;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Every event type's schemas, read from {@code herald.schemas.location} ({@code <type>/v1.json},
 * {@code v2.json}, ... until the first missing version), compiled once, with the upcast steps
 * between versions. The application refuses to start when a type has no v1, a step is missing, or a
 * version breaks its type's compatibility policy ({@code herald.schemas.compatibility[.<type>]}).
 */
@ApplicationScoped
public class SchemaCatalog {

  /**
   * Schemas are whole documents: a {@code $ref} or {@code $schema} that names another document (a
   * URL, a file, the classpath) is refused, never fetched, since a candidate schema comes from a
   * client ({@code POST /api/schemas/{type}/check}). The JSON Schema meta-schemas are built in.
   */
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getDraft202012()).format(new Rfc3339DateTimeFormat()).build(),
          builder ->
              builder
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .pathType(PathType.JSON_POINTER)
                          .build())
                  .schemaLoader(
                      loader ->
                          loader
                              .fetchRemoteResources(false)
                              .block(iri -> !isMetaSchema(iri.toString()))));

  private static boolean isMetaSchema(String iri) {
    return iri.startsWith("https://json-schema.org/") || iri.startsWith("http://json-schema.org/");
  }

  @Inject EventChannels channels;
  @Inject SchemaSettings settings;
  @Inject @Any Instance<Upcaster> upcasterBeans;

  private Map<String, TypeSchemas> byType;

  @PostConstruct
  void load() {
    SchemaSource source = SchemaSource.of(settings.location());
    List<Upcaster> beans = upcasterBeans.stream().toList();
    Map<String, TypeSchemas> types = new LinkedHashMap<>();
    for (String type : channels.types()) {
      types.put(
          type,
          load(
              source,
              type,
              beans.stream().filter(u -> u.type().equals(type)).toList(),
              policy(type)));
    }
    byType = types;
  }

  /** A catalog of already loaded types, for tests. */
  static SchemaCatalog of(List<TypeSchemas> types) {
    SchemaCatalog catalog = new SchemaCatalog();
    Map<String, TypeSchemas> byType = new LinkedHashMap<>();
    types.forEach(schemas -> byType.put(schemas.type(), schemas));
    catalog.byType = byType;
    return catalog;
  }

  public Optional<TypeSchemas> type(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public Map<String, TypeSchemas> types() {
    return Collections.unmodifiableMap(byType);
  }

  /** The schemas of a type by version, oldest first; empty if Herald does not carry the type. */
  public NavigableMap<Integer, EventSchema> versions(String type) {
    TypeSchemas schemas = byType.get(type);
    return schemas == null ? Collections.emptyNavigableMap() : schemas.versions();
  }

  public Optional<EventSchema> latest(String type) {
    return type(type).map(TypeSchemas::latest);
  }

  /** Whether a candidate next version of a type would be accepted, and why not. */
  public List<CompatibilityProblem> check(TypeSchemas schemas, JsonNode candidate, Upcaster step) {
    String where = schemas.type() + " candidate";
    if (depth(candidate, MAX_CANDIDATE_DEPTH + 1) > MAX_CANDIDATE_DEPTH) {
      throw new InvalidSchemaException(
          where + " is nested deeper than " + MAX_CANDIDATE_DEPTH + " levels", null);
    }
    try {
      compile(where, candidate);
      return Compatibility.check(schemas, candidate, step);
    } catch (StackOverflowError e) {
      throw new InvalidSchemaException(where + " is nested too deeply to check", e);
    }
  }

  /**
   * How deep a candidate schema may nest, in JSON levels: compiling and comparing recurse per
   * level, and the JSON parser allows 500, which overflows a thread's stack. Real schemas nest a
   * dozen.
   */
  static final int MAX_CANDIDATE_DEPTH = 64;

  /** The nesting depth of a JSON value, counted up to {@code limit}. */
  static int depth(JsonNode json, int limit) {
    if (!json.isContainer() || limit <= 0) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : json.values()) {
      deepest = Math.max(deepest, depth(child, limit - 1));
    }
    return 1 + deepest;
  }

  CompatibilityPolicy policy(String type) {
    return CompatibilityPolicy.parse(settings.compatibility(type));
  }

  /** Loads, compiles and checks one type; the message of any failure names what to change. */
  static TypeSchemas load(
      SchemaSource source, String type, List<Upcaster> beans, CompatibilityPolicy policy) {
    NavigableMap<Integer, EventSchema> versions = new TreeMap<>();
    Map<Integer, Upcaster> steps = new HashMap<>();
    for (Upcaster bean : beans) {
      if (steps.put(bean.fromVersion(), bean) != null) {
        throw new IllegalStateException(
            "Two upcasters turn " + type + " v" + bean.fromVersion() + " into the next version");
      }
    }
    for (int version = 1; ; version++) {
      String file = "v" + version + ".json";
      JsonNode json = source.read(type, file);
      if (json == null) {
        break;
      }
      EventSchema schema =
          new EventSchema(type, version, json, compile(source.describe(type, file), json));
      if (version > 1) {
        Upcaster step = steps.get(version - 1);
        JsonNode declared = source.read(type, "v" + version + ".upcast.json");
        if (declared != null && step != null) {
          throw new IllegalStateException(
              type
                  + " v"
                  + (version - 1)
                  + " → v"
                  + version
                  + " has both an Upcaster bean and "
                  + source.describe(type, "v" + version + ".upcast.json")
                  + "; keep one");
        }
        if (declared != null) {
          step = declarative(source, type, version, declared);
          steps.put(version - 1, step);
        }
        if (step == null) {
          throw new IllegalStateException(
              type
                  + " has v"
                  + version
                  + " but nothing upcasts v"
                  + (version - 1)
                  + " to v"
                  + version
                  + ": add "
                  + source.describe(type, "v" + version + ".upcast.json")
                  + " or an Upcaster bean with type() \""
                  + type
                  + "\" and fromVersion() "
                  + (version - 1));
        }
        TypeSchemas sofar = new TypeSchemas(type, new TreeMap<>(versions), steps, policy);
        List<CompatibilityProblem> problems = Compatibility.check(sofar, json, step);
        if (!problems.isEmpty()) {
          throw new IllegalStateException(
              type
                  + " v"
                  + version
                  + " breaks the "
                  + policy
                  + " compatibility policy: "
                  + problems.stream()
                      .map(p -> p.path() + ": " + p.message())
                      .collect(Collectors.joining("; ")));
        }
      }
      versions.put(version, schema);
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException(
          "Event type '" + type + "' has no schema: add " + source.describe(type, "v1.json"));
    }
    steps.keySet().removeIf(from -> from >= versions.lastKey());
    return new TypeSchemas(
        type, Collections.unmodifiableNavigableMap(versions), Map.copyOf(steps), policy);
  }

  private static Upcaster declarative(SchemaSource source, String type, int version, JsonNode ops) {
    try {
      return DeclarativeUpcaster.of(type, version - 1, ops);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          source.describe(type, "v" + version + ".upcast.json") + ": " + e.getMessage(), e);
    }
  }

  static Schema compile(String where, JsonNode json) {
    try {
      Schema schema = REGISTRY.getSchema(json);
      schema.initializeValidators();
      return schema;
    } catch (RuntimeException e) {
      throw new InvalidSchemaException(where + " is not a valid JSON Schema: " + e.getMessage(), e);
    }
  }

  /** A schema that does not compile. */
  public static class InvalidSchemaException extends IllegalStateException {
    InvalidSchemaException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
