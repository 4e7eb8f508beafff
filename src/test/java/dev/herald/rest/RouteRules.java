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
          read("GET", "/api/events/{id}", NOTHING),
          read("GET", "/api/event-types", NOTHING),
          read("GET", "/api/event-types/{type}/schema", NOTHING),
          read("GET", "/api/schemas", NOTHING),
          read("GET", "/api/schemas/{type}/versions/{version}", NOTHING),
          read("POST", "/api/schemas/{type}/check", "{}"),
          read("GET", "/api/stats", NOTHING),
          read("GET", "/api/audit", NOTHING),
          read("GET", "/api/analytics", NOTHING),
          read("GET", "/api/notifications", NOTHING),
          read("GET", "/api/channels", NOTHING),
          read("GET", "/api/channels/{channel}", NOTHING),
          rule("POST", "/api/channels/{channel}/pause", OPERATOR, NOTHING),
          rule("POST", "/api/channels/{channel}/resume", OPERATOR, NOTHING),
          read("GET", "/api/dead-letters", NOTHING),
          read("GET", "/api/dead-letters/{id}", NOTHING),
          rule("POST", "/api/dead-letters/{id}/redrive", OPERATOR, NOTHING),
          rule("POST", "/api/dead-letters/redrive", OPERATOR, UNKNOWN_MEMBER),
          rule("POST", "/api/dead-letters/purge", OPERATOR, UNKNOWN_MEMBER),
          rule("POST", "/api/replays", OPERATOR, "{}"),
          read("GET", "/api/replays", NOTHING),
          read("GET", "/api/replays/{id}", NOTHING),
          rule("DELETE", "/api/replays/{id}", OPERATOR, NOTHING),
          read("GET", "/api/tasks/{id}", NOTHING),
          rule("DELETE", "/api/tasks/{id}", OPERATOR, NOTHING),
          read("GET", "/api/outbox", NOTHING),
          read("GET", "/api/outbox/{source}/failed", NOTHING),
          rule("POST", "/api/outbox/{source}/failed/{id}/retry", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks", OPERATOR, "{}"),
          read("GET", "/api/webhooks", NOTHING),
          read("GET", "/api/webhooks/{id}", NOTHING),
          rule("PATCH", "/api/webhooks/{id}", OPERATOR, "{}"),
          rule("DELETE", "/api/webhooks/{id}", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks/{id}/rotate-secret", OPERATOR, NOTHING),
          read("GET", "/api/webhooks/{id}/deliveries", NOTHING),
          rule("POST", "/api/webhooks/{id}/deliveries/{eventId}/retry", OPERATOR, NOTHING),
          rule("POST", "/api/webhooks/{id}/recover", OPERATOR, "{}"),
          // a position that is none: refused with 400 after the role check, no stream opens
          new Rule(
              "GET",
              "/api/stream",
              Set.of(READER, OPERATOR, ADMIN),
              NOTHING,
              "?lastEventId=role-matrix"),
          // who is calling: every role
          new Rule("GET", "/api/me", Set.of(PUBLISHER, READER, OPERATOR, ADMIN), NOTHING, ""));

  private RouteRules() {}

  /** An action, for one role: the admin may call every route. */
  private static Rule rule(String method, String path, String role, String body) {
    return new Rule(method, path, Set.of(role, ADMIN), body, "");
  }

  /** A read, which changes nothing: every reader and operator may call it, and the admin. */
  private static Rule read(String method, String path, String body) {
    return new Rule(method, path, Set.of(READER, OPERATOR, ADMIN), body, "");
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
