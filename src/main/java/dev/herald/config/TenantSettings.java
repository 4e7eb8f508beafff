package dev.herald.config;

/** Which claim of a caller's JWT names the tenants it may publish for and read. */
public record TenantSettings(String claim) {

  public static final Setting CLAIM =
      new Setting(
          "herald.tenants.claim",
          "tenantid",
          "claim of a JWT that binds its caller to a tenant (a string) or several (an array)");

  public static TenantSettings from(Settings settings) {
    return new TenantSettings(settings.text(CLAIM));
  }
}
