package dev.herald.webhooks;

import dev.herald.api.CloudEvent;
import dev.herald.events.Json;
import dev.herald.events.TypePattern;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook subscription: where events of which types (and, if set, of which tenant) are sent, and
 * the secrets they are signed with. Its JSON is the value of its record in the endpoints topic.
 *
 * @param types the event type patterns it wants ({@link TypePattern})
 * @param tenantid only this tenant's events; null for every tenant's
 * @param disabledReason why it is disabled; null while enabled
 * @param secret the current signing secret
 * @param previousSecret during a rotation, the secret before; null otherwise
 * @param previousUntil when the previous secret stops signing; null without one
 * @param failingSince when its deliveries began to fail (the first failed attempt after its last
 *     success); null while they succeed
 */
public record Endpoint(
    String id,
    String url,
    List<TypePattern> types,
    String tenantid,
    boolean enabled,
    String disabledReason,
    Instant createdAt,
    Instant updatedAt,
    WebhookSecret secret,
    WebhookSecret previousSecret,
    Instant previousUntil,
    Instant failingSince) {

  public Endpoint {
    types = List.copyOf(types);
  }

  /** Whether it wants this event: enabled, a pattern matches its type, and its tenant if set. */
  public boolean wants(CloudEvent event) {
    return enabled
        && types.stream().anyMatch(pattern -> pattern.matches(event.type()))
        && (tenantid == null || tenantid.equals(event.tenantid()));
  }

  /** The secrets that sign at {@code now}: the current one, and the previous one until it ends. */
  public List<WebhookSecret> signingSecrets(Instant now) {
    return previousSecret != null && now.isBefore(previousUntil)
        ? List.of(secret, previousSecret)
        : List.of(secret);
  }

  public Endpoint changed(
      String newUrl, List<TypePattern> newTypes, String newTenant, boolean on, Instant at) {
    return new Endpoint(
        id,
        newUrl,
        newTypes,
        newTenant,
        on,
        on ? null : (enabled ? "disabled by an operator" : disabledReason),
        createdAt,
        at,
        secret,
        previousSecret,
        previousUntil,
        on && !enabled ? null : failingSince);
  }

  public Endpoint disabled(String reason, Instant at) {
    return new Endpoint(
        id,
        url,
        types,
        tenantid,
        false,
        reason,
        createdAt,
        at,
        secret,
        previousSecret,
        previousUntil,
        failingSince);
  }

  /** A new current secret; the current one signs too until {@code until}. */
  public Endpoint rotated(WebhookSecret next, Instant at, Instant until) {
    return new Endpoint(
        id,
        url,
        types,
        tenantid,
        enabled,
        disabledReason,
        createdAt,
        at,
        next,
        secret,
        until,
        failingSince);
  }

  /** Its deliveries fail since {@code since}, or succeed again (null). */
  public Endpoint failing(Instant since) {
    return new Endpoint(
        id,
        url,
        types,
        tenantid,
        enabled,
        disabledReason,
        createdAt,
        updatedAt,
        secret,
        previousSecret,
        previousUntil,
        since);
  }

  byte[] toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("id", id);
    json.put("url", url);
    ArrayNode patterns = json.putArray("types");
    types.forEach(pattern -> patterns.add(pattern.pattern()));
    json.put("tenantid", tenantid);
    json.put("enabled", enabled);
    json.put("disabledReason", disabledReason);
    json.put("createdAt", createdAt.toString());
    json.put("updatedAt", updatedAt.toString());
    json.put("secret", secret.value());
    if (previousSecret != null) {
      json.put("previousSecret", previousSecret.value());
      json.put("previousUntil", previousUntil.toString());
    }
    if (failingSince != null) {
      json.put("failingSince", failingSince.toString());
    }
    return Json.bytes(json);
  }

  /** An endpoint's record value; null when it is not one (another tool's record), then ignored. */
  static Endpoint fromJson(byte[] bytes) {
    try {
      JsonNode json = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      List<TypePattern> types = new ArrayList<>();
      json.get("types").forEach(pattern -> types.add(new TypePattern(pattern.asString())));
      String previous = Json.text(json, "previousSecret");
      String failing = Json.text(json, "failingSince");
      return new Endpoint(
          json.get("id").asString(),
          json.get("url").asString(),
          types,
          Json.text(json, "tenantid"),
          json.get("enabled").asBoolean(),
          Json.text(json, "disabledReason"),
          Instant.parse(json.get("createdAt").asString()),
          Instant.parse(json.get("updatedAt").asString()),
          new WebhookSecret(json.get("secret").asString()),
          previous == null ? null : new WebhookSecret(previous),
          previous == null ? null : Instant.parse(json.get("previousUntil").asString()),
          failing == null ? null : Instant.parse(failing));
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "Endpoint[" + id + "]"; // never the secrets, nor the URL (it may carry a token)
  }
}
