package dev.herald.tracing;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Headers;

/**
 * A span of records on their way to Kafka: it stamps the events and the records with its context
 * and ends when the broker answered.
 */
public final class Sending {

  private final Span span;
  private final TextMapPropagator propagator;

  Sending(Span span, TextMapPropagator propagator) {
    this.span = span;
    this.propagator = propagator;
  }

  /**
   * The event with this span as its CloudEvents {@code traceparent}, unless it carries one already
   * (its origin's, which it keeps).
   */
  public CloudEvent stamp(CloudEvent event) {
    SpanContext context = span.getSpanContext();
    if (!context.isValid() || event.extension(CloudEventAttributes.TRACEPARENT) != null) {
      return event;
    }
    return event.toBuilder()
        .extension(CloudEventAttributes.TRACEPARENT, traceparent(context))
        .build();
  }

  /** Writes this span's context as the record's W3C {@code traceparent}/{@code tracestate}. */
  public void inject(Headers headers) {
    propagator.inject(
        Context.root().with(span),
        headers,
        (carrier, key, value) -> Tracing.KafkaHeaders.set(carrier, key, value));
  }

  /** Ends the span: the broker stored the records, or {@code error} says why not. */
  public void end(Throwable error) {
    if (error != null) {
      span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }
    span.end();
  }

  static String traceparent(SpanContext context) {
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }
}
