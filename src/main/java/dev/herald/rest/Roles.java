package dev.herald.rest;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The roles of Herald's REST API. Every resource method names the roles that may call it; {@link
 * #ADMIN} is named on every route, so an administrator needs no other group. Liberty maps a group
 * of the same name to each role.
 */
public final class Roles {

  /** Publishes events. */
  public static final String PUBLISHER = "publisher";

  /** Reads events' outcomes, statistics, event types, schemas and the built-in handlers' views. */
  public static final String READER = "reader";

  /** Runs Herald: channels, dead letters, replays and tasks. */
  public static final String OPERATOR = "operator";

  /** May do everything, and alone what changes Herald's configuration (nothing yet). */
  public static final String ADMIN = "admin";

  private Roles() {}

  /** The roles a resource method allows, from its own annotation or its class's; none if public. */
  static List<String> allowed(Method method) {
    RolesAllowed rule = annotation(method);
    if (rule == null) {
      rule = annotation(method.getDeclaringClass());
    }
    return rule == null ? List.of() : List.of(rule.value());
  }

  private static RolesAllowed annotation(AnnotatedElement element) {
    return element.getAnnotation(RolesAllowed.class);
  }
}
