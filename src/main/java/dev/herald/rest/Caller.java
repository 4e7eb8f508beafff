package dev.herald.rest;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.config.TenantSettings;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of one request and the tenants it is bound to: those its JWT names in the tenant claim
 * ({@code herald.tenants.claim}), a string or an array of strings. A caller without the claim (any
 * HTTP Basic user, a token without it) and every operator or admin is bound to no tenant: it may
 * publish for and read every tenant.
 */
final class Caller {

  private final String name;
  private final String claim;

  /** The tenants of a bound caller; {@code null} when the caller is not bound. */
  private final Set<String> tenants;

  private Caller(String name, String claim, Set<String> tenants) {
    this.name = name;
    this.claim = claim;
    this.tenants = tenants;
  }

  static Caller of(SecurityContext context, TenantSettings settings) {
    Principal principal = context.getUserPrincipal();
    String name = principal == null ? "anonymous" : principal.getName();
    if (context.isUserInRole(Roles.OPERATOR) || context.isUserInRole(Roles.ADMIN)) {
      return new Caller(name, settings.claim(), null);
    }
    Object value =
        principal instanceof JsonWebToken token ? token.getClaim(settings.claim()) : null;
    return new Caller(name, settings.claim(), tenants(value));
  }

  /** A caller bound to {@code tenants}, or to none when {@code tenants} is null. */
  static Caller bound(String name, String claim, Collection<String> tenants) {
    return new Caller(name, claim, tenants == null ? null : new TreeSet<>(tenants));
  }

  /** The tenant names in a claim's value, as a JWT library hands it over. */
  static Set<String> tenants(Object value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    Set<String> names = new TreeSet<>();
    if (value instanceof JsonArray array) {
      array.forEach(item -> names.add(text(item)));
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> names.add(text(item)));
    } else {
      names.add(text(value));
    }
    return names;
  }

  private static String text(Object value) {
    return value instanceof JsonString string ? string.getString() : String.valueOf(value);
  }

  /** The caller's user name; {@code anonymous} without one. */
  String name() {
    return name;
  }

  boolean bound() {
    return tenants != null;
  }

  /**
   * A 403 for a caller bound to tenants, for a read whose answer spans every tenant; nothing for
   * another.
   *
   * @param what what the answer holds, as the start of the problem's detail, e.g. "The statistics
   *     count the events of every tenant"
   */
  void refuseIfBound(String what) {
    if (tenants != null) {
      throw new ProblemException(
          Problem.of(
              403,
              "Forbidden",
              what + "; a caller bound to tenants (JWT claim '" + claim + "') may not read them"));
    }
  }

  /** The caller's tenants; null when it is bound to none. */
  Set<String> tenants() {
    return tenants == null ? null : Set.copyOf(tenants);
  }

  /** Whether the caller may see what belongs to {@code tenantid} (null: to no tenant). */
  boolean mayRead(String tenantid) {
    return tenants == null || (tenantid != null && tenants.contains(tenantid));
  }

  /**
   * The event as this caller may publish it: unchanged when it names one of the caller's tenants
   * (or the caller is not bound), given the caller's tenant when it names none and the caller has
   * exactly one; otherwise a 403.
   */
  CloudEvent publishing(CloudEvent event) {
    return publishing(List.of(event), "").get(0);
  }

  /** {@link #publishing(CloudEvent)} for each event of a batch; one 403 lists every refusal. */
  List<CloudEvent> publishingBatch(List<CloudEvent> events) {
    return publishing(events, null);
  }

  private List<CloudEvent> publishing(List<CloudEvent> events, String pointer) {
    if (tenants == null) {
      return events;
    }
    List<CloudEvent> bound = new ArrayList<>(events.size());
    List<Violation> refused = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      CloudEvent event = events.get(i);
      String at = (pointer == null ? "/" + i : pointer) + "/tenantid";
      if (event.tenantid() == null && tenants.size() == 1) {
        bound.add(event.toBuilder().tenantid(tenants.iterator().next()).build());
      } else if (event.tenantid() == null) {
        refused.add(new Violation(at, "is required: the caller has several tenants " + tenants));
      } else if (!tenants.contains(event.tenantid())) {
        refused.add(
            new Violation(
                at, "'" + event.tenantid() + "' is not among the caller's tenants " + tenants));
      } else {
        bound.add(event);
      }
    }
    if (!refused.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  403,
                  "Forbidden",
                  "'"
                      + name
                      + "' may publish only for its tenants "
                      + tenants
                      + " (JWT claim '"
                      + claim
                      + "')")
              .withErrors(refused));
    }
    return bound;
  }
}
