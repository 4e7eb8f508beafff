package dev.herald.rest;

import static dev.herald.rest.Roles.ADMIN;
import static dev.herald.rest.Roles.OPERATOR;
import static dev.herald.rest.Roles.PUBLISHER;
import static dev.herald.rest.Roles.READER;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Who may call which route of {@code /api}: the table the README's "Security" section shows,
 * checked against the resources' annotations ({@link RouteRulesTest}) and against a server ({@code
 * RoleMatrixIT}).
 */
final class RouteRules {

  /**
   * One route and the roles that may call it.
   *
   * @param path the template under {@code /api}, e.g. {@code /api/events/{id}}
   * @param body what the matrix test sends: it reaches the resource and changes nothing there
   * @param query what the matrix test adds to the path, e.g. so that a stream is refused at once
   *     rather than opened; empty for nothing
   */
  record Rule(String method, String path, Set<String> roles, String body, String query) {

    /** The path with every parameter filled with a value no test uses, and the sample query. */
    String samplePath() {
      return path.replace("{version}", "1").replaceAll("\\{[^}]+}", "role-matrix") + query;
    }
  }

  /** A route as the resources declare it, and the roles its annotations allow. */
  record Route(String method, String path, Set<String> roles, Method handler) {}

  private static final String NOTHING = null;
  private static final String UNKNOWN_MEMBER = "{\"role-matrix\":\"unknown\"}";

  static final List<Rule> RULES =
      List.of(
          rule("POST", "/api/events", PUBLISHER, "{}"),
          rule("POST", "/api/events/batch", PUBLISHER, "[]"),
          rule("GET", "/api/events/{id}", READER, NOTHING),
          rule("GET", "/api/event-types", READER, NOTHING),
          rule("GET", "/api/event-types/{type}/schema", READER, NOTHING),
          rule("GET", "/api/schemas", READER, NOTHING),
          rule("GET", "/api/schemas/{type}/versions/{version}", READER, NOTHING),
          rule("POST", "/api/schemas/{type}/check", READER, "{}"),
          rule("GET", "/api/stats", READER, NOTHING),
          rule("GET", "/api/audit", READER, NOTHING),
          rule("GET", "/api/analytics", READER, NOTHING),
          rule("GET", "/api/notifications", READER, NOTHING),
          rule("GET", "/api/channels", OPERATOR, NOTHING),
          rule("GET", "/api/channels/{channel}", OPERATOR, NOTHING),
          rule("POST", "/api/channels/{channel}/pause", OPERATOR, NOTHING),
          rule("POST", "/api/channels/{channel}/resume", OPERATOR, NOTHING),
          rule("GET", "/api/dead-letters", OPERATOR, NOTHING),
          rule("GET", "/api/dead-letters/{id}", OPERATOR, NOTHING),
          rule("POST", "/api/dead-letters/{id}/redrive", OPERATOR, NOTHING),
          rule("POST", "/api/dead-letters/redrive", OPERATOR, UNKNOWN_MEMBER),
          rule("POST", "/api/dead-letters/purge", OPERATOR, UNKNOWN_MEMBER),
          rule("POST", "/api/replays", OPERATOR, "{}"),
          rule("GET", "/api/replays", OPERATOR, NOTHING),
          rule("GET", "/api/replays/{id}", OPERATOR, NOTHING),
          rule("DELETE", "/api/replays/{id}", OPERATOR, NOTHING),
          rule("GET", "/api/tasks/{id}", OPERATOR, NOTHING),
          rule("DELETE", "/api/tasks/{id}", OPERATOR, NOTHING),
          new Rule("GET", "/api/outbox", Set.of(READER, OPERATOR, ADMIN), NOTHING, ""),
          rule("GET", "/api/outbox/{source}/failed", OPERATOR, NOTHING),
          rule("POST", "/api/outbox/{source}/failed/{id}/retry", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks", OPERATOR, "{}"),
          rule("GET", "/api/webhooks", OPERATOR, NOTHING),
          rule("GET", "/api/webhooks/{id}", OPERATOR, NOTHING),
          rule("PATCH", "/api/webhooks/{id}", OPERATOR, "{}"),
          rule("DELETE", "/api/webhooks/{id}", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks/{id}/rotate-secret", OPERATOR, NOTHING),
          rule("GET", "/api/webhooks/{id}/deliveries", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks/{id}/deliveries/{eventId}/retry", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks/{id}/recover", OPERATOR, "{}"),
          // a position that is none: refused with 400 after the role check, no stream opens
          new Rule(
              "GET", "/api/stream", Set.of(READER, ADMIN), NOTHING, "?lastEventId=role-matrix"));

  private RouteRules() {}

  /** Every role a route may name: the admin may call every route. */
  private static Rule rule(String method, String path, String role, String body) {
    return new Rule(method, path, Set.of(role, ADMIN), body, "");
  }

  /** Every route of the REST package's resources, as declared, in path order. */
  static List<Route> declared() {
    return Routes.scan().all().stream()
        .map(r -> new Route(r.method(), r.template(), roles(r.handler()), r.handler()))
        .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
        .toList();
  }

  /** The roles the annotations allow; "public" for {@code @PermitAll} or none at all. */
  private static Set<String> roles(Method method) {
    if (method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(DenyAll.class)) {
      return method.isAnnotationPresent(DenyAll.class) ? Set.of() : Set.of("public");
    }
    List<String> allowed = Roles.allowed(method);
    if (!allowed.isEmpty()) {
      return Set.copyOf(allowed);
    }
    Class<?> resource = method.getDeclaringClass();
    return resource.isAnnotationPresent(DenyAll.class) ? Set.of() : Set.of("public");
  }
}
