package dev.herald.tracing;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Starts Herald's spans and moves trace contexts between threads, Kafka headers and CloudEvents
 * attributes. Uses the OpenTelemetry instance MicroProfile Telemetry provides, or a no-op one when
 * there is none; W3C Trace Context is always the format of the records' headers and of the events'
 * {@code traceparent} attribute.
 */
@ApplicationScoped
public class Tracing {

  static final String SCOPE = "dev.herald";
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<Long> BATCH_COUNT =
      AttributeKey.longKey("messaging.batch.message_count");
  static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
  static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("herald.channel");
  static final AttributeKey<String> HANDLER = AttributeKey.stringKey("herald.handler");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("herald.attempt");
  static final AttributeKey<Boolean> REPLAY = AttributeKey.booleanKey("herald.replay");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("herald.reason");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> WEBHOOK_ENDPOINT =
      AttributeKey.stringKey("herald.webhook.endpoint");

  /** Links a span keeps to other traces at most (a batch of events from many traces). */
  static final int MAX_LINKS = 32;

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final Logger LOG = Logger.getLogger(Tracing.class.getName());
  private static final Tracer NO_OP = OpenTelemetry.noop().getTracer(SCOPE);

  @Inject Instance<OpenTelemetry> telemetry;

  private volatile Tracer tracer;
  private volatile TextMapPropagator propagator = W3C;

  /** Whether the log fields are registered: on the first handler call, not at the start. */
  private volatile boolean logFields;

  /**
   * Resolves MicroProfile Telemetry's instance at the application's start, on a thread of the
   * application: Liberty finds the instance of an application by the calling thread's component,
   * which SmallRye's threads do not have.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    tracer();
  }

  /**
   * The tracer: MicroProfile Telemetry's once resolved, a no-op one without the feature. Until the
   * start resolved it, a record handled first on a thread of SmallRye's gets no-op spans (its trace
   * context still travels on the record).
   */
  private Tracer tracer() {
    Tracer resolved = tracer;
    return resolved != null ? resolved : resolve();
  }

  private synchronized Tracer resolve() {
    if (tracer != null) {
      return tracer;
    }
    try {
      if (telemetry == null || !telemetry.isResolvable()) {
        tracer = NO_OP;
        return tracer;
      }
      OpenTelemetry openTelemetry = telemetry.get();
      propagator = openTelemetry.getPropagators().getTextMapPropagator();
      tracer = openTelemetry.getTracer(SCOPE);
      return tracer;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "OpenTelemetry is not reachable from this thread yet", e);
      return NO_OP;
    }
  }

  /**
   * Registered at the first handler call: registered from the start observer's thread, the fields
   * did not show on the log lines (seen in TraceIT).
   */
  private synchronized void registerLogFields() {
    if (!logFields) {
      LogFields.register();
      logFields = true;
    }
  }

  @PreDestroy
  void close() {
    if (logFields) {
      LogFields.unregister();
    }
  }

  /**
   * Starts the span of sending {@code events} to {@code topic}: a child of the current span (the
   * REST request's), else of the first event's {@code traceparent} attribute (a row of the outbox
   * written in a traced transaction), else a new trace. Events of other traces are linked.
   */
  public Sending sending(String topic, List<CloudEvent> events) {
    Context current = Context.current();
    Context parent = current;
    if (!Span.fromContext(current).getSpanContext().isValid() && !events.isEmpty()) {
      parent = fromAttributes(events.get(0)).context;
    }
    SpanBuilder span =
        tracer()
            .spanBuilder("send " + topic)
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(OPERATION, "send")
            .setAttribute(DESTINATION, topic);
    if (events.size() == 1) {
      CloudEvent event = events.get(0);
      span.setAttribute(MESSAGE_ID, event.id())
          .setAttribute(EVENT_ID, event.id())
          .setAttribute(EVENT_TYPE, event.type());
    } else {
      span.setAttribute(BATCH_COUNT, (long) events.size());
    }
    String parentTrace = Span.fromContext(parent).getSpanContext().getTraceId();
    int links = 0;
    for (CloudEvent event : events) {
      SpanContext own = fromAttributes(event).spanContext();
      if (links < MAX_LINKS && own.isValid() && !own.getTraceId().equals(parentTrace)) {
        span.addLink(own);
        links++;
      }
    }
    return new Sending(span.startSpan(), propagator);
  }

  /**
   * The trace context a consumed record carries: its W3C headers, else its event's {@code
   * traceparent} attribute (a producer that wrote only the CloudEvents attribute).
   */
  public TraceParent parentOf(Headers headers, CloudEvent event) {
    if (headers != null && headers.lastHeader(W3C_TRACEPARENT) != null) {
      Context context = propagator.extract(Context.root(), headers, KafkaHeaders.GETTER);
      if (Span.fromContext(context).getSpanContext().isValid()) {
        return new TraceParent(context);
      }
    }
    return event == null ? TraceParent.NONE : fromAttributes(event);
  }

  /** The trace context of an event's CloudEvents {@code traceparent} (and tracestate). */
  public TraceParent fromAttributes(CloudEvent event) {
    String traceparent = event.extension(CloudEventAttributes.TRACEPARENT);
    if (traceparent == null) {
      return TraceParent.NONE;
    }
    Map<String, String> carrier =
        Map.of(
            W3C_TRACEPARENT,
            traceparent,
            W3C_TRACESTATE,
            nonNull(event.extension(CloudEventAttributes.TRACESTATE)));
    return new TraceParent(W3C.extract(Context.root(), carrier, MapGetter.INSTANCE));
  }

  /**
   * Starts the span of one call of a handler with an event, made current on this thread with the
   * event's log fields until it is closed. A replay starts a new trace linked to the event's.
   */
  public Handling handling(
      TraceParent parent,
      String channel,
      String handler,
      CloudEvent event,
      int attempt,
      boolean replay) {
    SpanBuilder span =
        tracer()
            .spanBuilder("handle " + handler)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(OPERATION, "process")
            .setAttribute(CHANNEL, channel)
            .setAttribute(HANDLER, handler)
            .setAttribute(EVENT_ID, event.id())
            .setAttribute(EVENT_TYPE, event.type())
            .setAttribute(ATTEMPT, (long) attempt);
    if (replay) {
      span.setNoParent().setAttribute(REPLAY, true);
      if (parent.present()) {
        span.addLink(parent.spanContext());
      }
    } else {
      span.setParent(parent.context);
    }
    if (!logFields) {
      registerLogFields();
    }
    return new Handling(span.startSpan(), LogFields.of(event, channel, handler));
  }

  /**
   * Starts the span of writing a record to a dead-letter topic, a child of the record's trace
   * context; ended when the topic has it.
   */
  public Sending deadLettering(TraceParent parent, String topic, String reason) {
    Span span =
        tracer()
            .spanBuilder("dead-letter " + topic)
            .setParent(parent.context)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(OPERATION, "send")
            .setAttribute(DESTINATION, topic)
            .setAttribute(REASON, reason)
            .startSpan();
    return new Sending(span, propagator);
  }

  /**
   * Starts the span of a webhook delivery's attempt, a child of the trace context of the event
   * delivered (its {@code traceparent} attribute, in the delivered body).
   */
  public Calling delivering(String eventTraceparent, String eventId, String endpointId) {
    Context parent = Context.root();
    if (eventTraceparent != null) {
      parent =
          W3C.extract(
              Context.root(), Map.of(W3C_TRACEPARENT, eventTraceparent), MapGetter.INSTANCE);
    }
    Span span =
        tracer()
            .spanBuilder("POST")
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(HTTP_METHOD, "POST")
            .setAttribute(WEBHOOK_ENDPOINT, endpointId)
            .setAttribute(EVENT_ID, eventId)
            .startSpan();
    return new Calling(span, propagator);
  }

  /**
   * The W3C {@code traceparent} of the current span, for an event written now (an outbox row in the
   * caller's transaction); null when no span is current.
   */
  public String currentTraceparent() {
    SpanContext span = Span.current().getSpanContext();
    return span.isValid() ? Sending.traceparent(span) : null;
  }

  static final String W3C_TRACEPARENT = "traceparent";
  static final String W3C_TRACESTATE = "tracestate";

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      String value = carrier == null ? null : carrier.get(key);
      return value == null || value.isEmpty() ? null : value;
    }
  }

  /** Reads and writes trace context headers of Kafka records (text, UTF-8). */
  static final class KafkaHeaders {
    static final TextMapGetter<Headers> GETTER =
        new TextMapGetter<>() {
          @Override
          public Iterable<String> keys(Headers carrier) {
            return () ->
                java.util.stream.StreamSupport.stream(carrier.spliterator(), false)
                    .map(Header::key)
                    .iterator();
          }

          @Override
          public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
          }
        };

    private KafkaHeaders() {}

    static void set(Headers carrier, String key, String value) {
      if (carrier != null) {
        carrier.remove(key);
        carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
