package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.config.IdempotencySettings;
import dev.herald.kafka.BrokerStatus;
import dev.herald.kafka.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idempotency store in readiness, and the warning for an in-memory store on several servers.
 */
class IdempotencyReadinessCheckTest {

  private final Logger logger = Logger.getLogger(IdempotencyReadinessCheck.class.getName());
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private BrokerStatus current = status(Map.of());

  @BeforeEach
  void capture() {
    logger.addHandler(capture);
    HealthCheckResponse.setResponseProvider(Builder::new);
  }

  /** What Liberty's health feature does, for a unit test without it. */
  private static final class Builder extends HealthCheckResponseBuilder {
    private final Map<String, Object> data = new java.util.LinkedHashMap<>();
    private String name;
    private boolean up;

    @Override
    public HealthCheckResponseBuilder name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      this.up = up;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(
          name,
          up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
          Optional.of(Map.copyOf(data)));
    }
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
    HealthCheckResponse.setResponseProvider(null);
  }

  @Test
  void theInMemoryStoreOnTwoServersIsReadyWithAWarningLoggedOnceWhileItLasts() {
    IdempotencyReadinessCheck check = check("memory");
    current = status(Map.of("a", 1, "b", 2));

    check.checked(current);
    check.checked(current);
    HealthCheckResponse response = check.call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    Map<String, Object> data = response.getData().orElseThrow();
    assertThat(data).containsEntry("store", "memory").containsEntry("servers", 2L);
    assertThat((String) data.get("warning"))
        .contains("2 servers")
        .contains("herald.idempotency.store=jdbc");
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0)).isEqualTo(data.get("warning"));

    check.checked(status(Map.of("a", 1, "b", 1)));
    check.checked(current);
    assertThat(logged).hasSize(2);
  }

  @Test
  void oneServerOrASharedStoreGivesNoWarning() {
    IdempotencyReadinessCheck memory = check("memory");
    current = status(Map.of("a", 1));
    memory.checked(current);
    assertThat(memory.call().getData().orElseThrow()).doesNotContainKey("warning");

    IdempotencyReadinessCheck jdbc = check("jdbc");
    current = status(Map.of("a", 3));
    jdbc.checked(current);
    assertThat(jdbc.call().getData().orElseThrow())
        .containsEntry("store", "jdbc")
        .containsEntry("servers", 3L)
        .doesNotContainKey("warning");
    assertThat(logged).isEmpty();
  }

  private IdempotencyReadinessCheck check(String store) {
    IdempotencyReadinessCheck check = new IdempotencyReadinessCheck();
    check.settings =
        new IdempotencySettings(store, 10, Optional.empty(), "jdbc:h2:mem:x", Duration.ofHours(1));
    check.probe =
        new KafkaProbe() {
          @Override
          public BrokerStatus status() {
            return current;
          }
        };
    return check;
  }

  private static BrokerStatus status(Map<String, Integer> members) {
    return new BrokerStatus(true, null, 1, Instant.now(), Map.of(), Map.of(), Map.of(), members);
  }
}
