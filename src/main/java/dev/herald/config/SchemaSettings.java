package dev.herald.config;

/** The schema catalog: where it is and each type's compatibility policy. */
public final class SchemaSettings {

  public static final Setting LOCATION =
      new Setting(
          "herald.schemas.location",
          "classpath:schemas",
          "the catalog: a classpath folder or a directory of <type>/v<N>.json and"
              + " v<N>.upcast.json");
  public static final Setting COMPATIBILITY =
      new Setting(
          "herald.schemas.compatibility[.<type>]",
          "BACKWARD_TRANSITIVE",
          "compatibility policy, for all types or one");

  private final Settings settings;

  public SchemaSettings(Settings settings) {
    this.settings = settings;
  }

  public String location() {
    return settings.text(LOCATION);
  }

  public String compatibility(String type) {
    return settings.raw(COMPATIBILITY, type).orElseThrow();
  }
}
