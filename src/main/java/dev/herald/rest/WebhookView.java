package dev.herald.rest;

import dev.herald.events.TypePattern;
import dev.herald.webhooks.Endpoint;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as {@code /api/webhooks} shows it. The secret is shown only when it was made
 * (registration, rotation); {@code previousSecretUntil} says until when the one before still signs;
 * {@code failingSince} since when its deliveries fail (absent while they succeed).
 */
public record WebhookView(
    String id,
    String url,
    List<String> types,
    String tenantid,
    boolean enabled,
    String disabledReason,
    Instant createdAt,
    Instant updatedAt,
    Instant previousSecretUntil,
    Instant failingSince,
    String secret) {

  static WebhookView of(Endpoint endpoint) {
    return new WebhookView(
        endpoint.id(),
        endpoint.url(),
        endpoint.types().stream().map(TypePattern::pattern).toList(),
        endpoint.tenantid(),
        endpoint.enabled(),
        endpoint.disabledReason(),
        endpoint.createdAt(),
        endpoint.updatedAt(),
        endpoint.previousUntil(),
        endpoint.failingSince(),
        null);
  }

  /** With the current secret: only in the answer of a registration or a rotation. */
  static WebhookView withSecret(Endpoint endpoint) {
    WebhookView view = of(endpoint);
    return new WebhookView(
        view.id,
        view.url,
        view.types,
        view.tenantid,
        view.enabled,
        view.disabledReason,
        view.createdAt,
        view.updatedAt,
        view.previousSecretUntil,
        view.failingSince,
        endpoint.secret().value());
  }
}
