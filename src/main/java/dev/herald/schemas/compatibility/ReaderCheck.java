package dev.herald.schemas.compatibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One comparison of a writer schema with a reader schema, walking both in step. It errs towards
 * reporting: whatever it cannot prove the reader accepts is a problem, except where the writer has
 * alternatives ({@code anyOf}, {@code oneOf}) it cannot line up, which it only reports when the
 * narrowing is plain.
 */
final class ReaderCheck {

  /** Far deeper than any event schema; only a recursive schema that keeps growing gets here. */
  private static final int MAX_DEPTH = 64;

  private final JsonNode writerRoot;
  private final JsonNode readerRoot;
  private final SchemaDocument writer;
  private final SchemaDocument reader;
  private final Roles roles;
  private final ValueRules values;
  private final ContainerRules containers;
  private final Set<Visit> inProgress = new HashSet<>();
  private int depth;

  ReaderCheck(JsonNode writerRoot, JsonNode readerRoot, Roles roles) {
    this.writerRoot = writerRoot;
    this.readerRoot = readerRoot;
    this.writer = new SchemaDocument(writerRoot);
    this.reader = new SchemaDocument(readerRoot);
    this.roles = roles;
    this.values = new ValueRules(roles);
    this.containers = new ContainerRules(roles, values, writer, reader, this::compare);
  }

  List<CompatibilityProblem> run() {
    return compare(writerRoot, readerRoot, "");
  }

  /** What keeps the reader subschema from accepting all the writer subschema allows at path. */
  private List<CompatibilityProblem> compare(JsonNode written, JsonNode read, String path) {
    Visit visit = new Visit(written, read);
    if (!inProgress.add(visit)) {
      // A recursive $ref met again: the comparison already under way covers this pair.
      return List.of();
    }
    if (depth >= MAX_DEPTH) {
      inProgress.remove(visit);
      return List.of(Problems.at(path, "nests too deeply to compare, so it counts as a narrowing"));
    }
    depth++;
    try {
      return Problems.distinct(compareParts(written, read, path));
    } finally {
      depth--;
      inProgress.remove(visit);
    }
  }

  private List<CompatibilityProblem> compareParts(JsonNode written, JsonNode read, String path) {
    List<CompatibilityProblem> out = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    List<JsonNode> writerParts = writer.parts(written, unresolved);
    unresolved.forEach(ref -> out.add(unresolvedRef(path, ref, roles.writer())));
    if (writerParts.stream().anyMatch(JsonNode::isBoolean)) {
      return out; // the writer never writes anything here
    }
    ObjectNode writerSchema = WriterIntersection.of(writerParts);
    unresolved.clear();
    List<JsonNode> readerParts = reader.parts(read, unresolved);
    unresolved.forEach(ref -> out.add(unresolvedRef(path, ref, roles.reader())));
    for (JsonNode readerPart : readerParts) {
      if (readerPart.isBoolean()) {
        out.add(
            Problems.at(
                path,
                "is allowed by "
                    + roles.writer()
                    + " but "
                    + roles.reader()
                    + " rejects every value there (schema false)"));
      } else {
        out.addAll(againstPart(writerSchema, readerPart, path));
      }
    }
    return out;
  }

  private CompatibilityProblem unresolvedRef(String path, String ref, String side) {
    return Problems.at(
        path,
        "cannot be compared: $ref \""
            + ref
            + "\" in "
            + side
            + " does not point into its own document (only local refs such as #/$defs/name are"
            + " followed)");
  }

  private List<CompatibilityProblem> againstPart(
      ObjectNode writerSchema, JsonNode readerPart, String path) {
    Alternatives writerAlternatives = Alternatives.of(writerSchema);
    ObjectNode writerOuter = withoutAlternatives(writerSchema);
    ObjectNode readerOuter = withoutAlternatives(readerPart);
    List<CompatibilityProblem> out =
        new ArrayList<>(outer(writerOuter, writerAlternatives, readerOuter, path));
    for (String keyword : List.of("anyOf", "oneOf")) {
      JsonNode readerAlternatives = readerPart.get(keyword);
      if (readerAlternatives != null && readerAlternatives.isArray()) {
        out.addAll(
            alternatives(
                writerSchema,
                writerOuter,
                writerAlternatives,
                new Alternatives(keyword, List.copyOf(readerAlternatives.values())),
                path));
      }
    }
    return out;
  }

  /** A copy: ObjectNode.without would remove them from the schema itself. */
  private static ObjectNode withoutAlternatives(JsonNode schema) {
    ObjectNode outer = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      if (!Keywords.ALTERNATIVES.contains(keyword.getKey())) {
        outer.set(keyword.getKey(), keyword.getValue());
      }
    }
    return outer;
  }

  private List<CompatibilityProblem> outer(
      ObjectNode writerOuter,
      Alternatives writerAlternatives,
      ObjectNode readerOuter,
      String path) {
    List<CompatibilityProblem> direct = plain(writerOuter, readerOuter, path);
    if (direct.isEmpty() || writerAlternatives.isEmpty()) {
      return direct;
    }
    // The writer's own keywords may leave to its alternatives what they pin down, such as the
    // type; then each alternative, taken with those keywords, has to satisfy the reader.
    List<CompatibilityProblem> viaAlternatives = new ArrayList<>();
    for (JsonNode alternative : writerAlternatives.schemas()) {
      ObjectNode branch = branch(writerOuter, alternative);
      if (branch != null) {
        viaAlternatives.addAll(compare(branch, readerOuter, path));
      }
    }
    return viaAlternatives;
  }

  /**
   * Reader alternatives are met when one of them accepts all the writer allows, or when each of the
   * writer's alternatives (or each of its types) is accepted by one. oneOf's "exactly one" is not
   * checked: data matching two of the reader's alternatives is not reported.
   */
  private List<CompatibilityProblem> alternatives(
      ObjectNode writerSchema,
      ObjectNode writerOuter,
      Alternatives writerAlternatives,
      Alternatives readerAlternatives,
      String path) {
    if (!writerAlternatives.isEmpty()) {
      if (writerAlternatives.sameSchemas(readerAlternatives)) {
        return List.of();
      }
      List<CompatibilityProblem> out = new ArrayList<>();
      List<JsonNode> schemas = writerAlternatives.schemas();
      for (int i = 0; i < schemas.size(); i++) {
        ObjectNode branch = branch(writerOuter, schemas.get(i));
        if (branch != null
            && !anyAccepts(branch, readerAlternatives, path)
            && !eachTypeAccepted(branch, readerAlternatives, path)) {
          out.add(
              Problems.at(
                  path,
                  "alternative "
                      + (i + 1)
                      + " of the "
                      + writerAlternatives.keyword()
                      + " in "
                      + roles.writer()
                      + " is accepted by none of the "
                      + readerAlternatives.keyword()
                      + " alternatives in "
                      + roles.reader()));
        }
      }
      return out;
    }
    if (anyAccepts(writerSchema, readerAlternatives, path)
        || eachTypeAccepted(writerSchema, readerAlternatives, path)) {
      return List.of();
    }
    return List.of(
        Problems.at(
            path,
            "must match the "
                + readerAlternatives.keyword()
                + " in "
                + roles.reader()
                + ", and none of its alternatives accepts all that "
                + roles.writer()
                + " allows"));
  }

  private boolean anyAccepts(JsonNode writerSchema, Alternatives readerAlternatives, String path) {
    return readerAlternatives.schemas().stream()
        .anyMatch(alternative -> compare(writerSchema, alternative, path).isEmpty());
  }

  /** For writer {@code type: [string, null]} against reader {@code anyOf: [string, null]}. */
  private boolean eachTypeAccepted(
      ObjectNode writerSchema, Alternatives readerAlternatives, String path) {
    List<String> types = writerTypes(writerSchema).split();
    if (types.size() < 2) {
      return false;
    }
    for (String type : types) {
      ObjectNode oneType = JsonNodeFactory.instance.objectNode();
      oneType.setAll(writerSchema);
      oneType.put("type", type);
      if (!anyAccepts(oneType, readerAlternatives, path)) {
        return false;
      }
    }
    return true;
  }

  /** The writer's outer keywords together with one of its alternatives; null if it allows none. */
  private ObjectNode branch(ObjectNode writerOuter, JsonNode alternative) {
    List<JsonNode> parts = new ArrayList<>(List.of(writerOuter));
    parts.addAll(writer.parts(alternative, new ArrayList<>()));
    if (parts.stream().anyMatch(JsonNode::isBoolean)) {
      return null;
    }
    return WriterIntersection.of(parts);
  }

  /** Both sides without $ref, allOf or alternatives: keyword against keyword. */
  private List<CompatibilityProblem> plain(ObjectNode written, ObjectNode read, String path) {
    List<CompatibilityProblem> out = new ArrayList<>();
    unknownKeywords(written, read, path, out);
    Optional<List<JsonNode>> writerValues = JsonValues.listed(written);
    JsonTypes writerTypes = writerTypes(written);
    JsonTypes readerTypes = JsonTypes.declared(read);
    values.types(writerTypes, readerTypes, path, out);
    values.enums(writerValues, JsonValues.listed(read), path, out);
    boolean strings = writerTypes.allows("string") && readerTypes.allows("string");
    boolean numbers = writerTypes.allows("integer") && readerTypes.allows("integer");
    if (writerValues.isPresent()) {
      values.eachListed(writerValues.get(), read, readerTypes, path, out);
    } else {
      if (strings) {
        values.strings(written, read, path, out);
      }
      if (numbers) {
        values.numbers(written, read, writerTypes, path, out);
      }
    }
    if (strings) {
      values.format(written, read, path, out);
    }
    if (writerTypes.allows("array") && readerTypes.allows("array")) {
      containers.arrays(written, read, path, out);
    }
    if (writerTypes.allows("object") && readerTypes.allows("object")) {
      containers.objects(written, read, path, out);
    }
    return out;
  }

  private static JsonTypes writerTypes(JsonNode written) {
    JsonTypes declared = JsonTypes.declared(written);
    return JsonValues.listed(written)
        .map(listed -> declared.intersect(JsonTypes.ofValues(listed)))
        .orElse(declared);
  }

  private void unknownKeywords(
      JsonNode written, JsonNode read, String path, List<CompatibilityProblem> out) {
    for (Map.Entry<String, JsonNode> keyword : read.properties()) {
      String name = keyword.getKey();
      JsonNode writerValue = written.get(name);
      if (Keywords.isUnknown(name)
          && (writerValue == null || !JsonValues.same(writerValue, keyword.getValue()))) {
        out.add(
            Problems.at(
                path,
                "has "
                    + name
                    + " in "
                    + roles.reader()
                    + " but not the same "
                    + name
                    + " in "
                    + roles.writer()
                    + "; this check cannot compare it, so it counts as a narrowing"));
      }
    }
  }

  /** A pair of subschemas under comparison, by identity: equal-looking pairs may differ by root. */
  private record Visit(JsonNode written, JsonNode read) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Visit visit && visit.written == written && visit.read == read;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(written) + System.identityHashCode(read);
    }
  }
}
