/**
 * Tracing: Herald's spans through MicroProfile Telemetry's OpenTelemetry (no-op when the SDK is
 * off). A publish is a {@code send} span, child of the caller's span (the REST request, continued
 * from its {@code traceparent} header, or a new trace); its context travels on the Kafka record as
 * W3C {@code traceparent}/{@code tracestate} headers and in the event's CloudEvents {@code
 * traceparent} attribute. Each handler call is a {@code handle} span, child of that context; a
 * replayed event's handler spans start a new trace with a link to the original. The span's ids and
 * the event's are also fields of the log lines written meanwhile ({@link LogFields}). Only this
 * package uses OpenTelemetry's API.
 */
package dev.herald.tracing;
