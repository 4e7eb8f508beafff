package dev.herald.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** Makes each area's settings injectable, read once from MicroProfile Config. */
@ApplicationScoped
public class SettingsProducer {

  @Inject Config config;

  @Produces
  @Singleton
  Settings settings() {
    return new Settings(config);
  }

  @Produces
  @Singleton
  PublishSettings publish(Settings settings) {
    return PublishSettings.from(settings);
  }

  @Produces
  @Singleton
  ConsumeSettings consume(Settings settings) {
    return ConsumeSettings.from(settings);
  }

  @Produces
  @Singleton
  ProbeSettings probe(Settings settings) {
    return ProbeSettings.from(settings);
  }

  @Produces
  @Singleton
  IdempotencySettings idempotency(Settings settings) {
    return IdempotencySettings.from(settings);
  }

  @Produces
  @Singleton
  BuiltInHandlerSettings builtInHandlers(Settings settings) {
    return BuiltInHandlerSettings.from(settings);
  }

  @Produces
  @Singleton
  SchemaSettings schemas(Settings settings) {
    return new SchemaSettings(settings);
  }

  @Produces
  @Singleton
  RetrySettings retry(Settings settings) {
    return new RetrySettings(settings);
  }

  @Produces
  @Singleton
  ReplaySettings replay(Settings settings) {
    return ReplaySettings.from(settings);
  }

  @Produces
  @Singleton
  DeadLetterSettings deadLetters(Settings settings) {
    return DeadLetterSettings.from(settings);
  }

  @Produces
  @Singleton
  TenantSettings tenants(Settings settings) {
    return TenantSettings.from(settings);
  }

  @Produces
  @Singleton
  WebhookSettings webhooks(Settings settings) {
    return WebhookSettings.from(settings);
  }

  @Produces
  @Singleton
  StreamSettings stream(Settings settings) {
    return StreamSettings.from(settings);
  }

  @Produces
  @Singleton
  ControlSettings control(Settings settings, EventChannels channels) {
    return ControlSettings.from(
        settings, channels.all().stream().map(EventChannel::channel).toList());
  }

  @Produces
  @Singleton
  OutboxSettings outbox(Settings settings) {
    return OutboxSettings.from(settings);
  }
}
