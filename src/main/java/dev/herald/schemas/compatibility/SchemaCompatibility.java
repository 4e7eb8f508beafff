package dev.herald.schemas.compatibility;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Whether data written under one JSON Schema is always accepted under another, judged from the two
 * schemas alone: {@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code enum}, {@code const}, length, count and numeric limits, {@code pattern},
 * {@code format}, local {@code $ref}s, {@code allOf}, and conservatively {@code anyOf}/{@code
 * oneOf}. A reader keyword outside that set counts as a narrowing unless the writer has the
 * identical keyword.
 *
 * <p>Two leniencies follow schema-evolution practice: a property the reader requires is fine when
 * its schema has a {@code default}, and a property the reader newly declares is assumed absent from
 * data of a writer that merely leaves {@code additionalProperties} open.
 */
public final class SchemaCompatibility {

  private SchemaCompatibility() {}

  /**
   * Problems that stop a reader using {@code reader} schema from accepting every document valid
   * under {@code writer} schema. Empty list = compatible.
   */
  public static List<CompatibilityProblem> readerCanRead(JsonNode writer, JsonNode reader) {
    return readerCanRead(writer, reader, Roles.UNNAMED);
  }

  static List<CompatibilityProblem> readerCanRead(JsonNode writer, JsonNode reader, Roles roles) {
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(reader, "reader");
    return List.copyOf(new ReaderCheck(writer, reader, roles).run());
  }
}
