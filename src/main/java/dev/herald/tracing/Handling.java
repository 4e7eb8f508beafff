package dev.herald.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * One handler call's span, current on the calling thread (so that the handler's own spans and
 * outgoing calls are its children) together with the event's {@link LogFields}, until closed.
 */
public final class Handling implements AutoCloseable {

  private final Span span;
  private final Scope scope;
  private final LogFields fields;

  Handling(Span span, LogFields fields) {
    this.span = span;
    this.scope = span.makeCurrent();
    this.fields = fields;
    fields.set(span.getSpanContext());
  }

  /** The handler threw {@code error}. */
  public void failed(Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
  }

  @Override
  public void close() {
    fields.clear();
    scope.close();
    span.end();
  }
}
