package dev.herald.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Publish throughput inside the server, each path {@code runs} times, the paths taking turns: a
 * plain {@code KafkaProducer} writing the benchmark event's binary-mode record, the same producer
 * validating and encoding each event as Herald does, and Herald's {@code EventPublisher}; all with
 * the same producer settings, to the benchmark topic. Each run sends its own warm-up first.
 */
final class PublishScenario {

  static final String PLAIN = "publish: plain producer";
  static final String VALIDATED = "publish: plain producer + validate + encode";
  static final String HERALD = "publish: Herald";

  private final BenchServer server;
  private final BenchmarkSizes sizes;
  private final Phases phases;

  PublishScenario(BenchServer server, BenchmarkSizes sizes, Phases phases) {
    this.server = server;
    this.sizes = sizes;
    this.phases = phases;
  }

  /**
   * @param plainValidated the plain producer doing Herald's validation and encoding
   */
  record Result(Runs herald, Runs plain, Runs plainValidated) {}

  Result run() {
    List<Throughput> plain = new ArrayList<>();
    List<Throughput> validated = new ArrayList<>();
    List<Throughput> herald = new ArrayList<>();
    for (int run = 1; run <= sizes.runs(); run++) {
      phases.start(PLAIN);
      plain.add(publish("plain", run));
      phases.start(VALIDATED);
      validated.add(publish("plain-validated", run));
      phases.start(HERALD);
      herald.add(publish("herald", run));
    }
    phases.start(null);
    return new Result(Runs.of(herald), Runs.of(plain), Runs.of(validated));
  }

  private Throughput publish(String path, int run) {
    String query =
        "publish/%s?run=publish-%s-%d-&warmup=%d&count=%d"
            .formatted(path, path, run, sizes.warmup(), sizes.events());
    return Throughput.of(server.post(query, BenchmarkEvents.event("template", 0)));
  }
}
