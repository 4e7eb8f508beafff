package dev.herald.schemas.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/** The rules for arrays and objects, whose items and properties are compared as subschemas. */
final class ContainerRules {

  /** Compares a writer subschema with a reader subschema found at a data path. */
  interface Subschemas {
    List<CompatibilityProblem> compare(JsonNode written, JsonNode read, String path);
  }

  private final Roles roles;
  private final ValueRules values;
  private final SchemaDocument writer;
  private final SchemaDocument reader;
  private final Subschemas subschemas;

  ContainerRules(
      Roles roles,
      ValueRules values,
      SchemaDocument writer,
      SchemaDocument reader,
      Subschemas subschemas) {
    this.roles = roles;
    this.values = values;
    this.writer = writer;
    this.reader = reader;
    this.subschemas = subschemas;
  }

  void arrays(JsonNode written, JsonNode read, String path, List<CompatibilityProblem> out) {
    values.countFloor("minItems", written, read, path, out);
    values.countCeiling("maxItems", written, read, path, out);
    if (read.path("uniqueItems").asBoolean(false)
        && !written.path("uniqueItems").asBoolean(false)) {
      out.add(
          Problems.at(
              path,
              "uniqueItems is new in "
                  + roles.reader()
                  + "; "
                  + roles.writer()
                  + " allows repeated items"));
    }
    JsonNode readerItems = read.get("items");
    if (readerItems != null) {
      // In draft 2020-12 the writer's items cover only what follows its prefixItems.
      JsonNode writerItems = written.has("prefixItems") ? null : written.get("items");
      out.addAll(
          subschemas.compare(
              writerItems == null ? BooleanNode.TRUE : writerItems,
              readerItems,
              Pointer.child(path, Pointer.ANY)));
    }
  }

  void objects(JsonNode written, JsonNode read, String path, List<CompatibilityProblem> out) {
    values.countFloor("minProperties", written, read, path, out);
    values.countCeiling("maxProperties", written, read, path, out);
    JsonNode writerProperties = written.path("properties");
    JsonNode readerProperties = read.path("properties");
    requiredProperties(written, read, readerProperties, path, out);

    JsonNode writerExtra = written.get("additionalProperties");
    JsonNode readerExtra = read.get("additionalProperties");
    for (Map.Entry<String, JsonNode> property : writerProperties.properties()) {
      String at = Pointer.child(path, property.getKey());
      JsonNode readerProperty = readerProperties.get(property.getKey());
      if (readerProperty != null) {
        out.addAll(subschemas.compare(property.getValue(), readerProperty, at));
      } else if (isFalse(readerExtra)) {
        if (!writesNothing(property.getValue())) {
          out.add(
              Problems.at(
                  at,
                  "is allowed by "
                      + roles.writer()
                      + " but "
                      + roles.reader()
                      + " does not list it and forbids additional properties"));
        }
      } else if (readerExtra != null) {
        out.addAll(subschemas.compare(property.getValue(), readerExtra, at));
      }
    }

    if (isFalse(writerExtra)) {
      return;
    }
    if (isFalse(readerExtra)) {
      out.add(
          Problems.at(
              path,
              "accepts properties "
                  + roles.writer()
                  + " does not list, but "
                  + roles.reader()
                  + " forbids them (additionalProperties: false)"));
    } else if (readerExtra != null) {
      out.addAll(
          subschemas.compare(
              writerExtra == null ? BooleanNode.TRUE : writerExtra,
              readerExtra,
              Pointer.child(path, Pointer.ANY)));
    }
    // An open writer (additionalProperties true or absent) is taken to tolerate unknown fields,
    // not to write them, so a property the reader adds is assumed absent from old data. A writer
    // that declares a schema for its other properties is a map, and its values must fit.
    if (writerExtra != null && writerExtra.isObject()) {
      for (Map.Entry<String, JsonNode> property : readerProperties.properties()) {
        if (!writerProperties.has(property.getKey())) {
          out.addAll(
              subschemas.compare(
                  writerExtra, property.getValue(), Pointer.child(path, property.getKey())));
        }
      }
    }
  }

  /** A property the reader requires has to be in all the writer's data, unless it has a default. */
  private void requiredProperties(
      JsonNode written,
      JsonNode read,
      JsonNode readerProperties,
      String path,
      List<CompatibilityProblem> out) {
    Set<String> writerRequired = names(written.path("required"));
    for (String name : names(read.path("required"))) {
      if (!writerRequired.contains(name) && !hasDefault(readerProperties.get(name))) {
        out.add(
            Problems.at(
                Pointer.child(path, name),
                "is required by "
                    + roles.reader()
                    + " but optional or absent in "
                    + roles.writer()
                    + ", and has no default"));
      }
    }
  }

  private boolean hasDefault(JsonNode readerProperty) {
    return readerProperty != null
        && reader.parts(readerProperty, new ArrayList<>()).stream()
            .anyMatch(part -> part.has("default"));
  }

  private boolean writesNothing(JsonNode writerProperty) {
    return writer.parts(writerProperty, new ArrayList<>()).stream().anyMatch(JsonNode::isBoolean);
  }

  private static boolean isFalse(JsonNode schema) {
    return schema != null && schema.isBoolean() && !schema.booleanValue();
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.values().stream().filter(JsonNode::isString).forEach(n -> names.add(n.stringValue()));
    return names;
  }
}
