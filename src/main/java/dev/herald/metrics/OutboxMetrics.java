package dev.herald.metrics;

import dev.herald.outbox.OutboxMonitor;
import dev.herald.outbox.OutboxRelays;
import dev.herald.outbox.OutboxSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The outboxes, tagged by outbox name (bounded by {@code herald.outbox.sources}): rows pending and
 * failed in the table and the oldest pending row's age (counted every 2 s), and rows this server
 * published and marked failed.
 */
@ApplicationScoped
public class OutboxMetrics implements OutboxMonitor {

  static final Metadata PENDING =
      Metadata.builder()
          .withName("herald.outbox.pending")
          .withDescription("Rows of the outbox table not published yet")
          .build();
  static final Metadata OLDEST =
      Metadata.builder()
          .withName("herald.outbox.oldest.pending")
          .withDescription("How long the oldest pending row of the outbox table has waited")
          .withUnit(MetricUnits.SECONDS)
          .build();
  static final Metadata FAILED_ROWS =
      Metadata.builder()
          .withName("herald.outbox.failed.rows")
          .withDescription(
              "Rows of the outbox table marked failed (invalid, or refused by the broker), kept"
                  + " until retried")
          .build();
  static final Metadata PUBLISHED =
      Metadata.builder()
          .withName("herald.outbox.published")
          .withDescription("Outbox rows this server's relays published since it started")
          .build();
  static final Metadata FAILED =
      Metadata.builder()
          .withName("herald.outbox.failed")
          .withDescription("Outbox rows this server's relays marked failed since it started")
          .build();

  @Inject OutboxRelays outboxes;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (OutboxSource source : outboxes.sources()) {
      Tag tag = tag(source.name());
      registry.gauge(PENDING, source, s -> s.counts().pending(), tag);
      registry.gauge(OLDEST, source, OutboxSource::oldestPendingSeconds, tag);
      registry.gauge(FAILED_ROWS, source, s -> s.counts().failed(), tag);
      registry.counter(PUBLISHED, tag);
      registry.counter(FAILED, tag);
    }
  }

  @Override
  public void published(String outbox, int rows) {
    registry.counter(PUBLISHED, tag(outbox)).inc(rows);
  }

  @Override
  public void failed(String outbox) {
    registry.counter(FAILED, tag(outbox)).inc();
  }

  private static Tag tag(String outbox) {
    return new Tag("outbox", outbox);
  }
}
