package dev.herald.schemas;

import dev.herald.schemas.compatibility.CompatibilityPolicy;
import java.util.List;

/** The catalog of one type as the server loads it, for tests outside this package. */
public final class TestCatalog {

  private TestCatalog() {}

  public static TypeSchemas load(SchemaSource source, String type) {
    return SchemaCatalog.load(source, type, List.of(), CompatibilityPolicy.BACKWARD_TRANSITIVE);
  }
}
