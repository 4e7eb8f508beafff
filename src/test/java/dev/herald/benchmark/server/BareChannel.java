package dev.herald.benchmark.server;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.KafkaBinding;
import dev.herald.schemas.EventValidator;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The consume baseline a service would write instead of Herald: a bare SmallRye Reactive Messaging
 * channel on the benchmark type's topic that does Herald's work per record (decode the CloudEvents
 * binary mode, validate against the schema, upcast to the latest version) and acknowledges, one
 * record at a time, without batches. Its configuration ({@value #CHANNEL} in the benchmark's {@code
 * microprofile-config.properties}) pins what Herald's connector-wide settings would otherwise give
 * it: no batches, the throttled commit strategy, failing on a refused record.
 */
@ApplicationScoped
public class BareChannel {

  public static final String CHANNEL = "bench-bare";

  @Inject EventValidator validator;
  @Inject BareChannelBench bench;

  @Incoming(CHANNEL)
  public CompletionStage<Void> consume(Message<byte[]> record) {
    try {
      IncomingKafkaRecordMetadata<?, ?> kafka =
          record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
      CloudEvent event = KafkaBinding.decode(kafka.getHeaders(), record.getPayload());
      List<Violation> violations = validator.validate(event);
      if (!violations.isEmpty()) {
        throw new IllegalArgumentException("invalid event " + event.id() + ": " + violations);
      }
      validator.toLatest(event);
      bench.handled();
      return record.ack();
    } catch (Exception e) {
      bench.failed();
      return record.nack(e);
    }
  }
}
