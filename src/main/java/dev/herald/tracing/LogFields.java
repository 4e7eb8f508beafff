package dev.herald.tracing;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import dev.herald.api.CloudEvent;
import io.opentelemetry.api.trace.SpanContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event's ids as fields of every log line written on this thread while a handler runs (Herald's
 * and the handler's own): Liberty's {@code LogRecordContext} adds them to JSON log records as
 * {@code ext_traceId}, {@code ext_spanId}, {@code ext_eventId}, {@code ext_eventType}, {@code
 * ext_tenant}, {@code ext_channel} and {@code ext_handler}. Never the payload. Without Liberty's
 * logging (a unit test), nothing is added.
 */
final class LogFields {

  private static final Logger LOG = Logger.getLogger(LogFields.class.getName());
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";
  static final String EVENT_ID = "eventId";
  static final String EVENT_TYPE = "eventType";
  static final String TENANT = "tenant";
  static final String CHANNEL = "channel";
  static final String HANDLER = "handler";

  private static final boolean AVAILABLE = available();

  private final CloudEvent event;
  private final String channel;
  private final String handler;

  private LogFields(CloudEvent event, String channel, String handler) {
    this.event = event;
    this.channel = channel;
    this.handler = handler;
  }

  static LogFields of(CloudEvent event, String channel, String handler) {
    return new LogFields(event, channel, handler);
  }

  void set(SpanContext span) {
    if (!AVAILABLE) {
      return;
    }
    if (span.isValid()) {
      LogRecordContext.addExtension(TRACE_ID, span.getTraceId());
      LogRecordContext.addExtension(SPAN_ID, span.getSpanId());
    }
    LogRecordContext.addExtension(EVENT_ID, event.id());
    LogRecordContext.addExtension(EVENT_TYPE, event.type());
    if (event.tenantid() != null) {
      LogRecordContext.addExtension(TENANT, event.tenantid());
    }
    LogRecordContext.addExtension(CHANNEL, channel);
    LogRecordContext.addExtension(HANDLER, handler);
  }

  void clear() {
    if (!AVAILABLE) {
      return;
    }
    for (String key :
        new String[] {TRACE_ID, SPAN_ID, EVENT_ID, EVENT_TYPE, TENANT, CHANNEL, HANDLER}) {
      LogRecordContext.removeExtension(key);
    }
  }

  private static boolean available() {
    try {
      Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.log(Level.FINE, "No LogRecordContext: log lines get no event fields", e);
      return false;
    }
  }
}
