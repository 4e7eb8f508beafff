package dev.herald.config;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;

/**
 * A long-lived producer that is replaced by a new one once it failed to log in to the broker, at
 * most every few seconds. An idempotent producer whose first login fails never gets its producer
 * id, even after the broker accepts the login (kafka-clients 4.2, KAFKA-20237): its records wait in
 * its buffer until they expire. A new producer logs in afresh, so that a password or certificate
 * fixed at the broker needs no restart of Herald.
 */
public final class RenewingProducer {

  /** Kafka's count of a client's failed logins (SASL or TLS), one of its selector metrics. */
  static final String FAILED_LOGINS = "failed-authentication-total";

  private static final long RENEW_EVERY_MS = 5000;

  private final Supplier<Producer<String, byte[]>> factory;
  private final long renewEveryMs;
  private volatile Producer<String, byte[]> current;
  private Metric failedLogins;

  /** Until then the current producer is used without a look at its metrics: sends take no lock. */
  private volatile long nextCheckAt;

  public RenewingProducer(Supplier<Producer<String, byte[]>> factory) {
    this(factory, RENEW_EVERY_MS);
  }

  RenewingProducer(Supplier<Producer<String, byte[]>> factory, long renewEveryMs) {
    this.factory = factory;
    this.renewEveryMs = renewEveryMs;
  }

  /** The producer to send with: a new one if the current one failed to log in. */
  public Producer<String, byte[]> get() {
    Producer<String, byte[]> producer = current;
    if (producer != null && System.currentTimeMillis() < nextCheckAt) {
      return producer;
    }
    return checked();
  }

  private synchronized Producer<String, byte[]> checked() {
    if (current == null) {
      create();
    } else if (System.currentTimeMillis() >= nextCheckAt) {
      if (loginFailed()) {
        Producer<String, byte[]> failed = current;
        create();
        // Its records would never be sent: they fail now, as not stored.
        failed.close(Duration.ZERO);
      } else {
        nextCheckAt = System.currentTimeMillis() + renewEveryMs;
      }
    }
    return current;
  }

  /** Closes the current producer, if any, waiting up to {@code timeout} for what it buffered. */
  public synchronized void close(Duration timeout) {
    if (current != null) {
      current.close(timeout);
      current = null;
    }
  }

  private void create() {
    Producer<String, byte[]> producer = factory.get();
    failedLogins =
        producer.metrics().entrySet().stream()
            .filter(e -> e.getKey().name().equals(FAILED_LOGINS))
            .map(e -> (Metric) e.getValue())
            .findFirst()
            .orElse(null);
    current = producer;
    nextCheckAt = System.currentTimeMillis() + renewEveryMs;
  }

  private boolean loginFailed() {
    return failedLogins != null && failedLogins.metricValue() instanceof Double count && count > 0;
  }
}
