package dev.herald.schemas.upcasting;

import static dev.herald.schemas.upcasting.Pointer.isRequired;
import static dev.herald.schemas.upcasting.Pointer.properties;
import static dev.herald.schemas.upcasting.Pointer.setRequired;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The declarative upcast operations: {@code rename}, {@code default}, {@code nest}, {@code remove},
 * {@code merge} and {@code split}, read from {@code {"op": ..., ...}} objects.
 */
final class Operations {

  private Operations() {}

  static UpcastOperation parse(JsonNode spec) {
    String op = text(spec, "op");
    return switch (op) {
      case "rename" -> rename(Pointer.parse(text(spec, "from")), Pointer.parse(text(spec, "to")));
      case "default" -> withDefault(Pointer.parse(text(spec, "path")), member(spec, "value"));
      case "nest" -> nest(Pointer.parse(text(spec, "path")), text(spec, "as"));
      case "remove" -> remove(Pointer.parse(text(spec, "path")));
      case "merge" ->
          merge(pointers(spec, "from"), Pointer.parse(text(spec, "to")), separator(spec));
      case "split" ->
          split(Pointer.parse(text(spec, "from")), pointers(spec, "to"), separator(spec));
      default ->
          throw new IllegalArgumentException(
              "unknown op '" + op + "'; known: rename, default, nest, remove, merge, split");
    };
  }

  /** Moves a member: {@code {"op":"rename","from":"/text","to":"/content"}}. */
  static UpcastOperation rename(Pointer from, Pointer to) {
    return new UpcastOperation() {
      @Override
      public void apply(ObjectNode data) {
        ObjectNode source = from.parentIn(data, false);
        if (source != null && source.has(from.name())) {
          JsonNode value = source.remove(from.name());
          to.parentIn(data, true).set(to.name(), value);
        }
      }

      @Override
      public void applyToSchema(ObjectNode schema) {
        ObjectNode source = from.parentSchemaIn(schema, false);
        if (source == null) {
          return;
        }
        JsonNode property = properties(source).remove(from.name());
        boolean required = isRequired(source, from.name());
        setRequired(source, from.name(), false);
        ObjectNode target = to.parentSchemaIn(schema, true);
        if (property != null) {
          properties(target).set(to.name(), property);
        }
        if (required) {
          setRequired(target, to.name(), true);
        }
      }
    };
  }

  /**
   * Adds a member where it is missing: {@code {"op":"default","path":"/language","value":"en"}}.
   */
  static UpcastOperation withDefault(Pointer path, JsonNode value) {
    return new UpcastOperation() {
      @Override
      public void apply(ObjectNode data) {
        ObjectNode parent = path.parentIn(data, true);
        if (parent != null && !parent.has(path.name())) {
          parent.set(path.name(), value.deepCopy());
        }
      }

      @Override
      public void applyToSchema(ObjectNode schema) {
        ObjectNode parent = path.parentSchemaIn(schema, true);
        ObjectNode properties = properties(parent);
        if (!properties.has(path.name())) {
          properties.putObject(path.name()).put("type", jsonType(value));
        }
        setRequired(parent, path.name(), true);
      }
    };
  }

  /** Wraps a member in an object: {@code {"op":"nest","path":"/content","as":"text"}}. */
  static UpcastOperation nest(Pointer path, String as) {
    return new UpcastOperation() {
      @Override
      public void apply(ObjectNode data) {
        ObjectNode parent = path.parentIn(data, false);
        if (parent != null && parent.has(path.name())) {
          JsonNode value = parent.remove(path.name());
          parent.putObject(path.name()).set(as, value);
        }
      }

      @Override
      public void applyToSchema(ObjectNode schema) {
        ObjectNode parent = path.parentSchemaIn(schema, false);
        if (parent == null || !properties(parent).has(path.name())) {
          return;
        }
        JsonNode inner = properties(parent).remove(path.name());
        ObjectNode wrapper = properties(parent).putObject(path.name()).put("type", "object");
        wrapper.putObject("properties").set(as, inner);
        wrapper.putArray("required").add(as);
      }
    };
  }

  /** Drops a member: {@code {"op":"remove","path":"/legacyFlag"}}. */
  static UpcastOperation remove(Pointer path) {
    return new UpcastOperation() {
      @Override
      public void apply(ObjectNode data) {
        ObjectNode parent = path.parentIn(data, false);
        if (parent != null) {
          parent.remove(path.name());
        }
      }

      @Override
      public void applyToSchema(ObjectNode schema) {
        ObjectNode parent = path.parentSchemaIn(schema, false);
        if (parent != null) {
          properties(parent).remove(path.name());
          setRequired(parent, path.name(), false);
        }
      }
    };
  }

  /**
   * Joins strings: {@code {"op":"merge","from":["/first","/last"],"to":"/name","separator":" "}}.
   */
  static UpcastOperation merge(List<Pointer> from, Pointer to, String separator) {
    return new UpcastOperation() {
      @Override
      public void apply(ObjectNode data) {
        List<String> parts = new ArrayList<>();
        for (Pointer pointer : from) {
          ObjectNode parent = pointer.parentIn(data, false);
          if (parent != null && parent.has(pointer.name())) {
            parts.add(parent.remove(pointer.name()).asString());
          }
        }
        if (!parts.isEmpty()) {
          to.parentIn(data, true).put(to.name(), String.join(separator, parts));
        }
      }

      @Override
      public void applyToSchema(ObjectNode schema) {
        boolean required = false;
        for (Pointer pointer : from) {
          ObjectNode parent = pointer.parentSchemaIn(schema, false);
          if (parent != null) {
            required |= isRequired(parent, pointer.name());
            properties(parent).remove(pointer.name());
            setRequired(parent, pointer.name(), false);
          }
        }
        ObjectNode target = to.parentSchemaIn(schema, true);
        properties(target).putObject(to.name()).put("type", "string");
        if (required) {
          setRequired(target, to.name(), true);
        }
      }
    };
  }

  /**
   * Splits a string: {@code {"op":"split","from":"/name","to":["/first","/last"],"separator":" "}}.
   */
  static UpcastOperation split(Pointer from, List<Pointer> to, String separator) {
    return new UpcastOperation() {
      @Override
      public void apply(ObjectNode data) {
        ObjectNode parent = from.parentIn(data, false);
        if (parent == null || !parent.has(from.name())) {
          return;
        }
        String[] parts =
            parent
                .remove(from.name())
                .asString()
                .split(java.util.regex.Pattern.quote(separator), to.size());
        for (int i = 0; i < parts.length; i++) {
          to.get(i).parentIn(data, true).put(to.get(i).name(), parts[i]);
        }
      }

      @Override
      public void applyToSchema(ObjectNode schema) {
        ObjectNode parent = from.parentSchemaIn(schema, false);
        if (parent == null) {
          return;
        }
        boolean required = isRequired(parent, from.name());
        properties(parent).remove(from.name());
        setRequired(parent, from.name(), false);
        for (int i = 0; i < to.size(); i++) {
          ObjectNode target = to.get(i).parentSchemaIn(schema, true);
          properties(target).putObject(to.get(i).name()).put("type", "string");
          // only the first part is sure to be there: "a" splits into one part
          setRequired(target, to.get(i).name(), required && i == 0);
        }
      }
    };
  }

  private static String jsonType(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "null";
    };
  }

  private static String text(JsonNode spec, String name) {
    JsonNode value = spec.get(name);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException("'" + name + "' must be a string in " + spec);
    }
    return value.stringValue();
  }

  private static JsonNode member(JsonNode spec, String name) {
    JsonNode value = spec.get(name);
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' is required in " + spec);
    }
    return value;
  }

  private static List<Pointer> pointers(JsonNode spec, String name) {
    JsonNode value = spec.get(name);
    if (value == null || !value.isArray() || value.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + name + "' must be an array of JSON pointers in " + spec);
    }
    List<Pointer> pointers = new ArrayList<>();
    value.forEach(p -> pointers.add(Pointer.parse(p.asString())));
    return pointers;
  }

  private static String separator(JsonNode spec) {
    JsonNode value = spec.get("separator");
    return value == null ? " " : value.asString();
  }
}
