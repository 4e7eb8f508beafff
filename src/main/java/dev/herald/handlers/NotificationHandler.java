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
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/**
 * Raises a notification when a message was sent (for its recipient's devices) or a system error
 * occurred (for operators: logged at WARNING from severity {@code error} up). Keeps the most recent
 * notifications, newest first.
 */
@ApplicationScoped
public class NotificationHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(NotificationHandler.class.getName());
  static final String MESSAGE_SENT = "chat.message.sent";
  static final String SYSTEM_ERROR = "system.error";
  private static final Set<String> ALERTING = Set.of("error", "critical");

  /** One notification raised by an event. */
  public record Notification(
      String eventId, String type, String tenantid, String audience, String text, Instant at) {}

  @Inject BuiltInHandlerSettings settings;

  private final Deque<Notification> notifications = new ArrayDeque<>();

  @Override
  public String name() {
    return "notification";
  }

  /** Only keeps its notifications in memory: it runs on the delivering thread. */
  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public boolean accepts(CloudEvent event) {
    return MESSAGE_SENT.equals(event.type()) || SYSTEM_ERROR.equals(event.type());
  }

  @Override
  public void handle(CloudEvent event) {
    JsonNode data = event.data();
    Notification notification =
        MESSAGE_SENT.equals(event.type())
            ? new Notification(
                event.id(),
                event.type(),
                event.tenantid(),
                "conversation:" + data.path("conversationId").asString(""),
                "New message from " + data.path("senderType").asString("someone"),
                Instant.now())
            : new Notification(
                event.id(),
                event.type(),
                event.tenantid(),
                "operators",
                data.path("severity").asString("")
                    + " "
                    + data.path("errorCode").asString("")
                    + " in "
                    + data.path("component").asString("")
                    + ": "
                    + data.path("message").asString(""),
                Instant.now());
    if (SYSTEM_ERROR.equals(event.type())
        && ALERTING.contains(data.path("severity").asString(""))) {
      LOG.warning("System error event " + event.id() + ": " + notification.text());
    }
    add(notification);
  }

  public synchronized List<Notification> recent(int limit) {
    return recent(limit, tenant -> true);
  }

  /** The most recent notifications, newest first, of the tenants {@code tenants} accepts. */
  public synchronized List<Notification> recent(int limit, Predicate<String> tenants) {
    return notifications.stream().filter(n -> tenants.test(n.tenantid())).limit(limit).toList();
  }

  private synchronized void add(Notification notification) {
    notifications.addFirst(notification);
    while (notifications.size() > settings.notificationsRetained()) {
      notifications.removeLast();
    }
  }
}
