package dev.herald.config;

import java.util.regex.Pattern;

/**
 * One {@code herald.*} configuration key: its name as the README lists it, its default and its
 * meaning. A name may have a scope: {@code herald.retry[.<channel>].max-attempts} is read as {@code
 * herald.retry.<channel>.max-attempts} for a channel, else {@code herald.retry.max-attempts};
 * {@code herald.partition-key.<type>} exists per type only.
 *
 * @param name the key, with {@code [.<channel>]}/{@code [.<type>]} for an optional scope or {@code
 *     <type>} for a required one
 * @param defaultValue the value when nothing sets it; null when there is none
 * @param meaning what it controls, in one sentence
 */
public record Setting(String name, String defaultValue, String meaning) {

  private static final String OPTIONAL_SCOPE = "\\[\\.<(channel|type|name|property)>\\]";
  private static final String REQUIRED_SCOPE = "<(channel|type|name|property)>";

  /** The key without a scope, e.g. {@code herald.retry.max-attempts}. */
  public String key() {
    if (name.indexOf('<') < 0) {
      return name; // no scope: the usual case, and the one REST error messages ask for per request
    }
    if (name.matches(".*" + REQUIRED_SCOPE + ".*") && !name.matches(".*" + OPTIONAL_SCOPE + ".*")) {
      throw new IllegalStateException(name + " exists only per channel or type");
    }
    return name.replaceAll(OPTIONAL_SCOPE, "");
  }

  /** The key for one channel or type, e.g. {@code herald.retry.system-error.max-attempts}. */
  public String key(String scope) {
    return name.replaceAll(OPTIONAL_SCOPE, "." + scope).replaceAll(REQUIRED_SCOPE, scope);
  }

  /** Whether {@code key} is this setting's key, for any channel, type, name or property. */
  public boolean matches(String key) {
    String marked = name.replaceAll(OPTIONAL_SCOPE, "\u0001").replaceAll(REQUIRED_SCOPE, "\u0002");
    StringBuilder regex = new StringBuilder();
    for (char c : marked.toCharArray()) {
      if (c == '\u0001') {
        regex.append("(\\..+)?");
      } else if (c == '\u0002') {
        regex.append(".+");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return key.matches(regex.toString());
  }

  /** Whether a channel or type may set its own value. */
  public boolean scoped() {
    return name.contains("<");
  }

  /** Whether the key without a scope exists (as a default for every channel or type). */
  public boolean hasGlobalKey() {
    return !scoped() || name.matches(".*" + OPTIONAL_SCOPE + ".*");
  }
}
