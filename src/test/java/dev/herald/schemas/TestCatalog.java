package dev.herald.schemas;

import dev.herald.schemas.compatibility.CompatibilityPolicy;
import java.util.Arrays;
import java.util.List;

/** The catalog of one type as the server loads it, for tests outside this package. */
public final class TestCatalog {

  private TestCatalog() {}

  public static TypeSchemas load(SchemaSource source, String type) {
    return SchemaCatalog.load(source, type, List.of(), CompatibilityPolicy.BACKWARD_TRANSITIVE);
  }

  /** The shipped catalog of the given types. */
  public static SchemaCatalog catalog(String... types) {
    return SchemaCatalog.of(
        Arrays.stream(types).map(type -> load(SchemaSource.classpath("schemas"), type)).toList());
  }

  /** A validator over the shipped catalog of the given types. */
  public static EventValidator validator(String... types) {
    EventValidator validator = new EventValidator();
    validator.catalog = catalog(types);
    return validator;
  }
}
