package dev.herald.benchmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.events.KafkaBinding;
import dev.herald.schemas.EventValidator;
import dev.herald.schemas.TestCatalog;
import dev.herald.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The records the plain producer writes are what Herald and the baselines read: valid copies decode
 * and validate as Herald does, the invalid flood's are well-formed but refused by the schema.
 */
class BenchEventsTest {

  private final EventValidator validator = TestCatalog.validator(BenchmarkHandler.TYPE);
  private final CloudEvent template =
      BenchEvents.template(
          ("{\"specversion\":\"1.0\",\"id\":\"template\",\"type\":\""
                  + BenchmarkHandler.TYPE
                  + "\",\"source\":\"/benchmark\",\"schemaversion\":\"2\","
                  + "\"tenantid\":\"tenant-0\",\"data\":"
                  + TestEvents.exampleData(BenchmarkHandler.TYPE, "valid")
                  + "}")
              .getBytes(StandardCharsets.UTF_8));

  @Test
  void aPlainProducersRecordDecodesAndValidatesAsHeraldReadsIt() throws Exception {
    CloudEvent copy = BenchEvents.copy(template, "run-", 7);

    CloudEvent read = decode(PublishBench.record("topic", copy));

    assertThat(read.id()).isEqualTo("run-7");
    assertThat(read.tenantid()).isEqualTo("tenant-7");
    assertThat(validator.validate(read)).isEmpty();
    assertThat(validator.toLatest(read).data()).isEqualTo(template.data());
  }

  @Test
  void theFloodsEventsAreWellFormedButBreakTheSchema() throws Exception {
    CloudEvent invalid = BenchEvents.copy(BenchEvents.invalid(template, validator), "flood-", 1);

    CloudEvent read = decode(PublishBench.record("topic", invalid));

    assertThat(read.type()).isEqualTo(BenchmarkHandler.TYPE);
    assertThat(read.data().has(BenchEvents.MISSING)).isFalse();
    assertThat(validator.validate(read)).isNotEmpty();
    assertThat(template.data().has(BenchEvents.MISSING)).isTrue();
  }

  private static CloudEvent decode(ProducerRecord<String, byte[]> record) throws Exception {
    return KafkaBinding.decode(record.headers(), record.value());
  }
}
