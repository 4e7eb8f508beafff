package dev.herald.schemas;

import com.networknt.schema.ExecutionContext;
import dev.herald.events.Timestamps;

/**
 * JSON Schema's {@code date-time} format, as the validator checks it, with a fast path: a value of
 * the usual RFC 3339 shape with valid fields is accepted without the validator's parsers, anything
 * else is left to them. It accepts exactly what the validator's own format accepts.
 */
final class Rfc3339DateTimeFormat extends com.networknt.schema.format.DateTimeFormat {

  @Override
  public boolean matches(ExecutionContext context, String value) {
    return Timestamps.parseUsual(value) != null || super.matches(context, value);
  }
}
