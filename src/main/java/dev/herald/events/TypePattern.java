package dev.herald.events;

import java.util.regex.Pattern;

/**
 * The event types a subscription wants: an exact type ({@code chat.message.received}), every type
 * under a prefix ({@code chat.*}, which matches {@code chat.message.received} but not {@code
 * chatter.x} nor {@code chat} itself), or all ({@code *}).
 */
public record TypePattern(String pattern) {

  private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  public TypePattern {
    String prefix = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
    if (!pattern.equals("*") && !SEGMENTS.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "'"
              + pattern
              + "' is not an event type pattern: give a type (chat.message.received), a prefix"
              + " and .* (chat.*), or * for all types");
    }
  }

  public boolean matches(String type) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith(".*")) {
      return type.startsWith(pattern.substring(0, pattern.length() - 1))
          && type.length() > pattern.length() - 1;
    }
    return pattern.equals(type);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
