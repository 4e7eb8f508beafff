package dev.herald.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The span of an outgoing HTTP call (a webhook delivery), and the headers that carry it. */
public final class Calling {

  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  private final Span span;
  private final TextMapPropagator propagator;

  Calling(Span span, TextMapPropagator propagator) {
    this.span = span;
    this.propagator = propagator;
  }

  /** The W3C {@code traceparent} (and {@code tracestate}) headers of the request. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    propagator.inject(Context.root().with(span), headers, Map::put);
    return headers;
  }

  /** Ends the span with the response's status (0: none came) and the failure, if any. */
  public void end(int status, String failure) {
    if (status > 0) {
      span.setAttribute(STATUS, (long) status);
    }
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure);
    }
    span.end();
  }
}
