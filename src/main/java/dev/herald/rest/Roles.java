package dev.herald.rest;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Predicate;

/**
 * The roles of Herald's REST API. Every resource method names the roles that may call it; {@link
 * #ADMIN} is named on every route, so an administrator needs no other group. Every read allows
 * {@link #READER}, {@link #OPERATOR} and {@link #ADMIN}; an action allows {@link #OPERATOR} (or
 * {@link #PUBLISHER} to publish) and {@link #ADMIN}. Liberty maps a group of the same name to each
 * role.
 */
public final class Roles {

  /** Publishes events. */
  public static final String PUBLISHER = "publisher";

  /**
   * Reads everything: events' outcomes, the stream, statistics, event types and schemas, the
   * built-in handlers' views, channels, dead letters, replays, tasks, outboxes and webhook
   * endpoints; and checks a candidate schema, which changes nothing.
   */
  public static final String READER = "reader";

  /**
   * Reads everything a reader reads, and runs Herald: pauses and resumes channels, redrives and
   * purges dead letters, starts and cancels replays, cancels redrive tasks, retries failed outbox
   * rows, and registers, changes and deletes webhook endpoints.
   */
  public static final String OPERATOR = "operator";

  /** May do everything, and alone what changes Herald's configuration (nothing yet). */
  public static final String ADMIN = "admin";

  /** The four roles, in the order {@code GET /api/me} lists a caller's. */
  static final List<String> ALL = List.of(PUBLISHER, READER, OPERATOR, ADMIN);

  private Roles() {}

  /** Those of the four roles the caller is in, in the order of {@link #ALL}. */
  static List<String> granted(Predicate<String> isInRole) {
    return ALL.stream().filter(isInRole).toList();
  }

  /** Roles as a sentence names them, any of which will do: {@code reader, operator or admin}. */
  static String either(List<String> roles) {
    if (roles.size() < 2) {
      return String.join("", roles);
    }
    return String.join(", ", roles.subList(0, roles.size() - 1))
        + " or "
        + roles.get(roles.size() - 1);
  }

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
