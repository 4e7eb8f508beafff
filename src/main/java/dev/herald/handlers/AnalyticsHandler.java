package dev.herald.handlers;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.config.BuiltInHandlerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts events per type and per tenant. Tenants beyond {@code herald.analytics.max-tenants} are
 * counted together under {@value #OTHER_TENANTS}, so memory stays bounded.
 */
@ApplicationScoped
public class AnalyticsHandler implements EventHandler {

  static final String NO_TENANT = "(none)";
  static final String OTHER_TENANTS = "(other)";

  @Inject BuiltInHandlerSettings settings;

  private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tenants = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "analytics";
  }

  /** Only counts in memory: it runs on the delivering thread. */
  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return true;
  }

  @Override
  public void handle(CloudEvent event) {
    counts
        .computeIfAbsent(event.type(), type -> new ConcurrentHashMap<>())
        .computeIfAbsent(tenant(event), tenant -> new LongAdder())
        .increment();
  }

  /** Counts by type, then by tenant, sorted. */
  public Map<String, Map<String, Long>> counts() {
    Map<String, Map<String, Long>> snapshot = new TreeMap<>();
    counts.forEach(
        (type, byTenant) -> {
          Map<String, Long> tenantCounts = new TreeMap<>();
          byTenant.forEach((tenant, count) -> tenantCounts.put(tenant, count.sum()));
          snapshot.put(type, tenantCounts);
        });
    return snapshot;
  }

  private String tenant(CloudEvent event) {
    String tenant = event.tenantid() == null ? NO_TENANT : event.tenantid();
    if (tenants.containsKey(tenant)) {
      return tenant;
    }
    if (tenants.size() >= settings.analyticsMaxTenants()) {
      return OTHER_TENANTS;
    }
    tenants.put(tenant, Boolean.TRUE);
    return tenant;
  }
}
