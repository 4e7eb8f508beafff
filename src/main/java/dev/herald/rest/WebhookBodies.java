package dev.herald.rest;

import dev.herald.api.Violation;
import dev.herald.events.TypePattern;
import dev.herald.webhooks.EndpointChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the bodies of {@code /api/webhooks}: {@code url}, {@code types}, {@code tenantid} and, on a
 * PATCH, {@code enabled}; anything else is a 422 listing every wrong member.
 */
final class WebhookBodies {

  private static final Set<String> MEMBERS = Set.of("url", "types", "tenantid", "enabled");

  /** The longest URL accepted: what browsers and most servers handle. */
  static final int MAX_URL_LENGTH = 2048;

  /** The most type patterns of one endpoint (every event is matched against each). */
  static final int MAX_TYPES = 64;

  /** The longest tenant id, as for a published event's attributes. */
  static final int MAX_TENANT_LENGTH = 256;

  /** A registration: a url and at least one type pattern, a tenant optional. */
  record Registration(String url, List<TypePattern> types, String tenantid) {}

  private WebhookBodies() {}

  static Registration registration(JsonNode body) {
    List<Violation> violations = new ArrayList<>();
    object(body, violations);
    if (body.isObject() && !body.has("url")) {
      violations.add(new Violation("/url", "is required: the endpoint's http:// or https:// URL"));
    }
    if (body.isObject() && !body.has("types")) {
      violations.add(new Violation("/types", "is required, e.g. [\"chat.*\"]"));
    }
    if (body.isObject() && body.has("enabled")) {
      violations.add(new Violation("/enabled", "is set with PATCH, after registration"));
    }
    EndpointChange read = read(body, violations);
    refuseIfAny(violations);
    return new Registration(read.url(), read.types(), read.tenantid());
  }

  static EndpointChange change(JsonNode body) {
    List<Violation> violations = new ArrayList<>();
    object(body, violations);
    EndpointChange change = read(body, violations);
    refuseIfAny(violations);
    return change;
  }

  /**
   * The start of a recovery: {@code {"since": "<RFC 3339>"}}, not in the future.
   *
   * @throws ProblemException a 422 naming what is wrong
   */
  static java.time.Instant since(JsonNode body, java.time.Instant now) {
    List<Violation> violations = new ArrayList<>();
    java.time.Instant since = null;
    if (!body.isObject() || !body.has("since") || !body.get("since").isString()) {
      violations.add(
          new Violation("/since", "is required: an RFC 3339 time, e.g. 2026-12-01T08:00:00Z"));
    } else {
      body.propertyNames()
          .forEach(
              name -> {
                if (!name.equals("since")) {
                  violations.add(new Violation("/" + name, "is not a member of a recovery"));
                }
              });
      try {
        since = dev.herald.events.Timestamps.parse(body.get("since").asString()).toInstant();
        if (since.isAfter(now)) {
          violations.add(new Violation("/since", "is in the future"));
        }
      } catch (java.time.format.DateTimeParseException e) {
        violations.add(
            new Violation("/since", "is not an RFC 3339 time, e.g. 2026-12-01T08:00:00Z"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "Invalid recovery",
                  violations.get(0).pointer() + " " + violations.get(0).detail())
              .withErrors(violations));
    }
    return since;
  }

  private static void object(JsonNode body, List<Violation> violations) {
    if (!body.isObject()) {
      violations.add(new Violation("", "is a JSON object with url, types and tenantid"));
      return;
    }
    body.propertyNames()
        .forEach(
            name -> {
              if (!MEMBERS.contains(name)) {
                violations.add(new Violation("/" + name, "is not a member of a webhook endpoint"));
              }
            });
  }

  private static EndpointChange read(JsonNode body, List<Violation> violations) {
    if (!body.isObject()) {
      return new EndpointChange(null, null, false, null, null);
    }
    String url = null;
    JsonNode urlNode = body.get("url");
    if (urlNode != null) {
      if (urlNode.isString() && urlNode.asString().length() > MAX_URL_LENGTH) {
        violations.add(new Violation("/url", "is longer than " + MAX_URL_LENGTH + " characters"));
      } else if (urlNode.isString() && !urlNode.asString().isBlank()) {
        url = urlNode.asString();
      } else {
        violations.add(new Violation("/url", "is an http:// or https:// URL as a string"));
      }
    }
    List<TypePattern> types = null;
    JsonNode typesNode = body.get("types");
    if (typesNode != null) {
      types = patterns(typesNode, violations);
    }
    String tenantid = null;
    JsonNode tenantNode = body.get("tenantid");
    if (tenantNode != null && !tenantNode.isNull()) {
      if (tenantNode.isString() && tenantNode.asString().length() > MAX_TENANT_LENGTH) {
        violations.add(
            new Violation("/tenantid", "is longer than " + MAX_TENANT_LENGTH + " characters"));
      } else if (tenantNode.isString() && !tenantNode.asString().isBlank()) {
        tenantid = tenantNode.asString();
      } else {
        violations.add(new Violation("/tenantid", "is a tenant's id as a string, or null"));
      }
    }
    Boolean enabled = null;
    JsonNode enabledNode = body.get("enabled");
    if (enabledNode != null) {
      if (enabledNode.isBoolean()) {
        enabled = enabledNode.asBoolean();
      } else {
        violations.add(new Violation("/enabled", "is true or false"));
      }
    }
    return new EndpointChange(url, types, tenantNode != null, tenantid, enabled);
  }

  private static List<TypePattern> patterns(JsonNode node, List<Violation> violations) {
    if (!node.isArray() || node.isEmpty()) {
      violations.add(new Violation("/types", "is a non-empty array of event type patterns"));
      return null;
    }
    if (node.size() > MAX_TYPES) {
      violations.add(
          new Violation("/types", "has " + node.size() + " patterns; at most " + MAX_TYPES));
      return null;
    }
    List<TypePattern> patterns = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      try {
        if (!item.isString()) {
          throw new IllegalArgumentException("is an event type pattern as a string");
        }
        patterns.add(new TypePattern(item.asString()));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("/types/" + i, e.getMessage()));
      }
    }
    return patterns;
  }

  private static void refuseIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "Invalid webhook endpoint",
                  violations.get(0).pointer() + " " + violations.get(0).detail())
              .withErrors(violations));
    }
  }
}
