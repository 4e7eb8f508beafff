package dev.herald.tracing;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import dev.herald.api.CloudEvent;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event's ids as fields of every log line written on a thread while a handler runs (Herald's
 * and the handler's own): Liberty's {@code LogRecordContext} adds them to JSON log records as
 * {@code ext_traceId}, {@code ext_spanId}, {@code ext_eventId}, {@code ext_eventType}, {@code
 * ext_tenant}, {@code ext_channel} and {@code ext_handler}. Never the payload. The fields are
 * registered once, as extensions that read the thread's current handler call when a line is
 * written: a handler call only sets and clears one thread-local. Without Liberty's logging (a unit
 * test), nothing is registered.
 */
final class LogFields {

  private static final Logger LOG = Logger.getLogger(LogFields.class.getName());

  private static final ThreadLocal<LogFields> CURRENT = new ThreadLocal<>();

  private record Field(String name, Function<LogFields, String> value) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("traceId", f -> f.span.isValid() ? f.span.getTraceId() : null),
          new Field("spanId", f -> f.span.isValid() ? f.span.getSpanId() : null),
          new Field("eventId", f -> f.event.id()),
          new Field("eventType", f -> f.event.type()),
          new Field("tenant", f -> f.event.tenantid()),
          new Field("channel", f -> f.channel),
          new Field("handler", f -> f.handler));

  private final CloudEvent event;
  private final String channel;
  private final String handler;
  private SpanContext span = SpanContext.getInvalid();

  private LogFields(CloudEvent event, String channel, String handler) {
    this.event = event;
    this.channel = channel;
    this.handler = handler;
  }

  static LogFields of(CloudEvent event, String channel, String handler) {
    return new LogFields(event, channel, handler);
  }

  /** The fields of this call are the thread's until {@link #clear}. */
  void set(SpanContext span) {
    this.span = span;
    CURRENT.set(this);
  }

  void clear() {
    CURRENT.remove();
  }

  /** Registers the fields with Liberty's logging; false without it. */
  static boolean register() {
    try {
      for (Field field : FIELDS) {
        LogRecordContext.registerExtension(
            field.name(),
            () -> {
              LogFields current = CURRENT.get();
              return current == null ? null : field.value().apply(current);
            });
      }
      return true;
    } catch (LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "No LogRecordContext: log lines get no event fields", e);
      return false;
    }
  }

  /** Removes the fields from Liberty's logging (the application stops). */
  static void unregister() {
    try {
      for (Field field : FIELDS) {
        LogRecordContext.unregisterExtension(field.name());
      }
    } catch (LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "LogRecordContext fields not removed", e);
    }
  }
}
