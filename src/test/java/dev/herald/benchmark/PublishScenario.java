package dev.herald.benchmark;

/**
 * Publish throughput inside the server: Herald's {@code EventPublisher} against a plain {@code
 * KafkaProducer} with the same settings, both writing the benchmark event to the benchmark topic.
 */
final class PublishScenario {

  private final BenchServer server;
  private final BenchmarkSizes sizes;

  PublishScenario(BenchServer server, BenchmarkSizes sizes) {
    this.server = server;
    this.sizes = sizes;
  }

  Comparison run() {
    Throughput plain = publish("plain");
    Throughput herald = publish("herald");
    return new Comparison(herald, plain);
  }

  private Throughput publish(String path) {
    String query =
        "publish/%s?run=publish-%s-&warmup=%d&count=%d"
            .formatted(path, path, sizes.warmup(), sizes.events());
    return Throughput.of(server.post(query, BenchmarkEvents.event("template", 0)));
  }
}
