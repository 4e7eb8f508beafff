package dev.herald.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/**
 * Where an event's spans hang: the trace context its record or its attributes carried, or none.
 * Opaque outside this package.
 */
public final class TraceParent {

  static final TraceParent NONE = new TraceParent(Context.root());

  final Context context;

  TraceParent(Context context) {
    this.context = context;
  }

  SpanContext spanContext() {
    return Span.fromContext(context).getSpanContext();
  }

  /** Whether a trace context was found. */
  public boolean present() {
    return spanContext().isValid();
  }
}
