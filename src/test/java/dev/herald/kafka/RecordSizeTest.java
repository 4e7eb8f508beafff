package dev.herald.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordSizeTest {

  private final RecordSize limit = new RecordSize(1_048_576);

  @Test
  void anEventOfUsualSizeFits() {
    assertThat(limit.check(record("acme", "acme", 1_000))).isEmpty();
  }

  @Test
  void aLargeAttributeCountsTwiceAsHeaderAndKeyAndIsAViolationOfTheWholeEvent() {
    String tenant = "t".repeat(600_000);

    assertThat(limit.check(record(tenant, tenant, 100)))
        .hasValueSatisfying(
            v -> {
              assertThat(v.pointer()).isEmpty();
              assertThat(v.detail()).contains("herald.publish.kafka.max.request.size");
            });
  }

  @Test
  void theLimitIsTheProducersMaxRequestSize() {
    assertThat(RecordSize.of(Map.of()).maxBytes()).isEqualTo(1_048_576);
    assertThat(RecordSize.of(Map.of("max.request.size", "2000000")).maxBytes())
        .isEqualTo(2_000_000);
    assertThat(RecordSize.of(Map.of("max.request.size", 5000)).maxBytes()).isEqualTo(5000);
  }

  private static ProducerRecord<String, byte[]> record(String key, String tenant, int dataBytes) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_tenantid", tenant.getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>("t", null, key, new byte[dataBytes], headers);
  }
}
