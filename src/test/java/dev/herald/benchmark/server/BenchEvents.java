package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.events.Json;
import dev.herald.rest.EventRequest;
import java.util.ArrayList;
import java.util.List;

/** The events a scenario sends: copies of one template with their own ids, over 16 tenants. */
final class BenchEvents {

  static final int TENANTS = 16;

  private BenchEvents() {}

  /** The event a client sent as CloudEvents JSON. */
  static CloudEvent template(byte[] json) {
    EventRequest.Result request = EventRequest.read(Json.parse(json, "benchmark template"));
    if (!request.valid()) {
      throw new IllegalArgumentException("invalid template event: " + request.violations());
    }
    return request.event();
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
