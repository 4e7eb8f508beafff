package dev.herald.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import dev.herald.api.Violation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One version of one event type's data schema, compiled once. */
public record EventSchema(String type, int version, JsonNode json, Schema compiled) {

  /** The schema's {@code $id}, or null. */
  public String id() {
    JsonNode id = json.get("$id");
    return id == null || !id.isString() ? null : id.stringValue();
  }

  /**
   * Whether the schema accepts the data: stops at the first failure and builds no report, for
   * callers that need only the answer.
   */
  public boolean accepts(JsonNode data) {
    return compiled.validate(data, OutputFormat.BOOLEAN);
  }

  /** The data's violations, each located under {@code /data}. */
  public List<Violation> validate(JsonNode data) {
    List<Violation> violations = new ArrayList<>();
    for (Error error : compiled.validate(data)) {
      String location = error.getInstanceLocation().toString();
      String pointer = "/data" + (location.equals("/") ? "" : location);
      if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
        pointer = pointer + "/" + error.getProperty();
      }
      violations.add(new Violation(pointer, detail(error, location)));
    }
    return violations;
  }

  private static String detail(Error error, String location) {
    String message = error.getMessage();
    String prefix = location + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return message + " (" + error.getKeyword() + ")";
  }
}
