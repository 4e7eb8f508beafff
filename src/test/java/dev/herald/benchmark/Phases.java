package dev.herald.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The phase the benchmark is in, told to the memory sampler and to the server, which counts its
 * garbage collections per phase. A phase may run several times (the publish paths take turns); its
 * figures then add up.
 */
final class Phases {

  private final BenchServer server;
  private final MemorySampler memory;

  Phases(BenchServer server, MemorySampler memory) {
    this.server = server;
    this.memory = memory;
  }

  /** From now on, figures count for {@code name}; {@code null} for none (idle, filling topics). */
  void start(String name) {
    memory.phase(name);
    String query =
        name == null ? "" : URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    server.post("gc/phase?name=" + query, null);
  }
}
