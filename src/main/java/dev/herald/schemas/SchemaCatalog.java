package dev.herald.schemas;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.herald.channels.EventChannels;
import dev.herald.events.Json;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Every event type's schemas, read from {@code schemas/<type>/v<N>.json} on the classpath (v1, v2,
 * ... until the first missing version) and compiled once. A type Herald carries without a v1 schema
 * stops the application from starting.
 */
@ApplicationScoped
public class SchemaCatalog {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .pathType(PathType.JSON_POINTER)
                      .build()));

  @Inject EventChannels channels;

  private Map<String, NavigableMap<Integer, EventSchema>> byType;

  @PostConstruct
  void load() {
    Map<String, NavigableMap<Integer, EventSchema>> types = new LinkedHashMap<>();
    for (String type : channels.types()) {
      types.put(type, load(type));
    }
    byType = types;
  }

  /** The schemas of a type by version, oldest first; empty if Herald does not carry the type. */
  public NavigableMap<Integer, EventSchema> versions(String type) {
    NavigableMap<Integer, EventSchema> versions = byType.get(type);
    return versions == null ? Collections.emptyNavigableMap() : versions;
  }

  public Optional<EventSchema> schema(String type, int version) {
    return Optional.ofNullable(versions(type).get(version));
  }

  public Optional<EventSchema> latest(String type) {
    NavigableMap<Integer, EventSchema> versions = versions(type);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  static NavigableMap<Integer, EventSchema> load(String type) {
    NavigableMap<Integer, EventSchema> versions = new TreeMap<>();
    for (int version = 1; ; version++) {
      String resource = "schemas/" + type + "/v" + version + ".json";
      JsonNode json = read(resource);
      if (json == null) {
        break;
      }
      versions.put(version, new EventSchema(type, version, json, compile(resource, json)));
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException(
          "Event type '" + type + "' has no schema: add schemas/" + type + "/v1.json");
    }
    return Collections.unmodifiableNavigableMap(versions);
  }

  private static Schema compile(String resource, JsonNode json) {
    try {
      Schema schema = REGISTRY.getSchema(json);
      schema.initializeValidators();
      return schema;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          resource + " is not a valid JSON Schema: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(String resource) {
    ClassLoader loader = SchemaCatalog.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : Json.parse(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
