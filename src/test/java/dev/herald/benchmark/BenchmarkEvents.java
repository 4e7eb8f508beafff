package dev.herald.benchmark;

import dev.herald.benchmark.server.BenchmarkHandler;
import dev.herald.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's event: a valid {@code chat.message.received} (schema version 2, with an
 * attachment, a date-time and a language tag to check) whose data is exactly {@value #DATA_BYTES}
 * bytes of JSON.
 */
final class BenchmarkEvents {

  static final int DATA_BYTES = 1024;

  /** The data: the catalog example with its message text lengthened to the size. */
  static final String DATA = data();

  private BenchmarkEvents() {}

  /** One event as CloudEvents JSON, as a client posts it. */
  static String event(String id, int tenant) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"type\":\""
        + BenchmarkHandler.TYPE
        + "\",\"source\":\"/benchmark\",\"schemaversion\":\"2\",\"tenantid\":\"tenant-"
        + tenant
        + "\",\"data\":"
        + DATA
        + "}";
  }

  /** A JSON array of the events {@code <run><from>} to {@code <run><to - 1>}, over 16 tenants. */
  static String batch(String run, int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> event(run + i, i % 16))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String data() {
    JsonMapper json = JsonMapper.shared();
    ObjectNode data =
        (ObjectNode) json.readTree(TestEvents.exampleData(BenchmarkHandler.TYPE, "valid"));
    ObjectNode content = (ObjectNode) data.get("content");
    String text = content.get("text").stringValue();
    int missing =
        DATA_BYTES - json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8).length;
    content.put("text", text + " " + "Thanks!".repeat(missing).substring(0, missing - 1));
    String compact = json.writeValueAsString(data);
    if (compact.getBytes(StandardCharsets.UTF_8).length != DATA_BYTES) {
      throw new IllegalStateException("benchmark data is not " + DATA_BYTES + " bytes: " + compact);
    }
    return compact;
  }
}
