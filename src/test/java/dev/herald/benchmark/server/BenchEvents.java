package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.events.Json;
import dev.herald.rest.EventRequest;
import dev.herald.schemas.EventValidator;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events a scenario sends: copies of one template with their own ids, over 16 tenants; valid,
 * or, for the invalid flood, with data that breaks the type's schema.
 */
final class BenchEvents {

  static final int TENANTS = 16;

  /** The required data field the invalid events lack. */
  static final String MISSING = "messageId";

  private BenchEvents() {}

  /** The event a client sent as CloudEvents JSON. */
  static CloudEvent template(byte[] json) {
    EventRequest.Result request = EventRequest.read(Json.parse(json, "benchmark template"));
    if (!request.valid()) {
      throw new IllegalArgumentException("invalid template event: " + request.violations());
    }
    return request.event();
  }

  /**
   * The template with its data's required {@value #MISSING} left out: well-formed CloudEvents of
   * the benchmark type that the type's schema refuses.
   */
  static CloudEvent invalid(CloudEvent template, EventValidator validator) {
    if (!(template.data() instanceof ObjectNode data) || !data.has(MISSING)) {
      throw new IllegalArgumentException("the template's data has no " + MISSING);
    }
    ObjectNode broken = data.deepCopy();
    broken.remove(MISSING);
    CloudEvent invalid = template.toBuilder().data(broken).build();
    if (validator.validate(invalid).isEmpty()) {
      throw new IllegalStateException(
          "the template without "
              + MISSING
              + " is still valid: the invalid flood needs another"
              + " breach of the schema");
    }
    return invalid;
  }

  static CloudEvent copy(CloudEvent template, String run, long index) {
    return template.toBuilder().id(run + index).tenantid("tenant-" + index % TENANTS).build();
  }

  static List<CloudEvent> copies(CloudEvent template, String run, int count) {
    List<CloudEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(copy(template, run, i));
    }
    return events;
  }
}
