package dev.herald.handlers;

import dev.herald.api.CloudEvent;
import dev.herald.api.EventHandler;
import dev.herald.config.BuiltInHandlerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** Keeps a bounded log of the most recent events of every type, newest first. */
@ApplicationScoped
public class AuditHandler implements EventHandler {

  /** One audited event: its identity, never its data. */
  public record Entry(
      String id, String type, String source, String subject, String tenantid, Instant auditedAt) {}

  @Inject BuiltInHandlerSettings settings;

  private final Deque<Entry> entries = new ArrayDeque<>();

  @Override
  public String name() {
    return "audit";
  }

  /** Only keeps its entries in memory: it runs on the delivering thread. */
  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return true;
  }

  @Override
  public synchronized void handle(CloudEvent event) {
    entries.addFirst(
        new Entry(
            event.id(),
            event.type(),
            event.source(),
            event.subject(),
            event.tenantid(),
            Instant.now()));
    while (entries.size() > settings.auditRetained()) {
      entries.removeLast();
    }
  }

  public synchronized List<Entry> recent(int limit) {
    return recent(limit, tenant -> true);
  }

  /** The most recent entries, newest first, of the tenants {@code tenants} accepts. */
  public synchronized List<Entry> recent(int limit, Predicate<String> tenants) {
    return entries.stream().filter(e -> tenants.test(e.tenantid())).limit(limit).toList();
  }
}
