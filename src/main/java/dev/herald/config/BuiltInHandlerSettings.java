package dev.herald.config;

/** What the built-in handlers keep in memory. */
public record BuiltInHandlerSettings(
    int auditRetained, int notificationsRetained, int analyticsMaxTenants) {

  public static final Setting AUDIT_RETAINED =
      new Setting("herald.audit.retained", "1000", "entries the audit handler keeps");
  public static final Setting NOTIFICATIONS_RETAINED =
      new Setting(
          "herald.notifications.retained", "1000", "entries the notification handler keeps");
  public static final Setting ANALYTICS_MAX_TENANTS =
      new Setting(
          "herald.analytics.max-tenants",
          "10000",
          "tenants the analytics handler counts one by one; the rest under (other)");

  public static BuiltInHandlerSettings from(Settings settings) {
    return new BuiltInHandlerSettings(
        settings.intValue(AUDIT_RETAINED),
        settings.intValue(NOTIFICATIONS_RETAINED),
        settings.intValue(ANALYTICS_MAX_TENANTS));
  }
}
