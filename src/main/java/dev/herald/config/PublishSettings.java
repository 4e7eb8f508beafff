package dev.herald.config;

/**
 * Publishing: REST limits (bodies, batches, attributes), and the Kafka producer of Herald's
 * publisher ({@code herald.publish.kafka.<property>}, over the connector's {@code
 * mp.messaging.connector.smallrye-kafka.<property>}).
 */
public record PublishSettings(
    long maxEventBytes,
    long maxBatchBytes,
    int maxBatchSize,
    int maxAttributeLength,
    int maxExtensions) {

  public static final Setting MAX_EVENT_BYTES =
      new Setting(
          "herald.publish.max-event-bytes",
          "1048576",
          "largest body of POST /api/events (413 beyond)");
  public static final Setting MAX_BATCH_BYTES =
      new Setting(
          "herald.publish.max-batch-bytes",
          "16777216",
          "largest body of POST /api/events/batch (413 beyond)");
  public static final Setting MAX_BATCH_SIZE =
      new Setting("herald.publish.max-batch-size", "1000", "most events in one batch (413 beyond)");
  public static final Setting MAX_ATTRIBUTE_LENGTH =
      new Setting(
          "herald.publish.max-attribute-length",
          "256",
          "most characters of any attribute of a published event but data (id, source, subject,"
              + " tenantid, ...; 422 beyond)");
  public static final Setting MAX_EXTENSIONS =
      new Setting(
          "herald.publish.max-extensions",
          "32",
          "most extension attributes of a published event (422 beyond)");
  public static final Setting KAFKA =
      new Setting(
          "herald.publish.kafka.<property>",
          null,
          "a Kafka producer property of Herald's publisher, over the connector's; its"
              + " delivery.timeout.ms bounds how long a publish waits for the broker");

  /** Where the publisher's own producer properties are. */
  public static final String KAFKA_PREFIX = KAFKA.name().replace("<property>", "");

  public static PublishSettings from(Settings settings) {
    return new PublishSettings(
        settings.longValue(MAX_EVENT_BYTES),
        settings.longValue(MAX_BATCH_BYTES),
        settings.intValue(MAX_BATCH_SIZE),
        settings.intValue(MAX_ATTRIBUTE_LENGTH),
        settings.intValue(MAX_EXTENSIONS));
  }

  /** The defaults, as a server without configuration has them. */
  public static PublishSettings defaults() {
    return new PublishSettings(1_048_576, 16_777_216, 1000, 256, 32);
  }
}
