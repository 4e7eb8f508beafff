package dev.herald.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link Setting}s from MicroProfile Config: a scoped key first, then the key without scope,
 * then the default. A value that does not parse stops the application with the key and the value in
 * the message.
 */
public final class Settings {

  private final Config config;

  public Settings(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  /** The value of a setting's global key, or its default; empty when neither exists. */
  public Optional<String> raw(Setting setting) {
    return config
        .getOptionalValue(setting.key(), String.class)
        .filter(value -> !value.isBlank())
        .or(() -> Optional.ofNullable(setting.defaultValue()));
  }

  /** The value for one channel or type, else the global key's, else the default. */
  public Optional<String> raw(Setting setting, String scope) {
    Optional<String> scoped =
        config.getOptionalValue(setting.key(scope), String.class).filter(v -> !v.isBlank());
    if (scoped.isPresent() || !setting.hasGlobalKey()) {
      return scoped.or(() -> Optional.ofNullable(setting.defaultValue()));
    }
    return raw(setting);
  }

  public String text(Setting setting) {
    return raw(setting).orElse(null);
  }

  public int intValue(Setting setting) {
    return parse(setting, null, raw(setting), Integer::parseInt);
  }

  public int intValue(Setting setting, String scope) {
    return parse(setting, scope, raw(setting, scope), Integer::parseInt);
  }

  public long longValue(Setting setting) {
    return parse(setting, null, raw(setting), Long::parseLong);
  }

  public long longValue(Setting setting, String scope) {
    return parse(setting, scope, raw(setting, scope), Long::parseLong);
  }

  public double doubleValue(Setting setting, String scope) {
    return parse(setting, scope, raw(setting, scope), Double::parseDouble);
  }

  public boolean booleanValue(Setting setting) {
    return parse(setting, null, raw(setting), Settings::parseBoolean);
  }

  public boolean booleanValue(Setting setting, String scope) {
    return parse(setting, scope, raw(setting, scope), Settings::parseBoolean);
  }

  /** A comma-separated list; empty when unset. */
  public List<String> list(Setting setting) {
    return raw(setting).map(Settings::split).orElse(List.of());
  }

  public static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("not true or false");
  }

  private static <T> T parse(
      Setting setting, String scope, Optional<String> value, Function<String, T> parser) {
    String key = scope == null ? setting.key() : setting.key(scope);
    String text =
        value.orElseThrow(() -> new IllegalStateException("Set " + key + ": " + setting.meaning()));
    try {
      return parser.apply(text.trim());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          key + " is '" + text + "', which is not valid: " + setting.meaning(), e);
    }
  }
}
