package dev.herald.stream;

import dev.herald.api.CloudEvent;
import dev.herald.config.EventChannel;
import dev.herald.events.TypePattern;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which events a stream shows: those whose type matches one of its patterns (every type when it has
 * none) and, when it is bound to tenants, whose {@code tenantid} is one of them.
 *
 * @param types the patterns; empty for every type
 * @param tenants the tenants whose events it shows; null for every event, of any tenant or none
 */
public record StreamFilter(List<TypePattern> types, Set<String> tenants) {

  public StreamFilter {
    types = List.copyOf(types);
    tenants = tenants == null ? null : Set.copyOf(tenants);
  }

  /**
   * The filter of a request by a caller: a caller bound to tenants sees only theirs, and may name
   * only one of them; an unbound caller (an operator, an admin, a user without the tenant claim)
   * sees the tenant it names, or every event when it names none.
   *
   * @param callerTenants the caller's tenants; null when it is bound to none
   * @throws StreamRefusedException (forbidden) when a bound caller names another tenant
   */
  public static StreamFilter of(StreamRequest request, Set<String> callerTenants) {
    String asked = request.tenant();
    if (callerTenants == null) {
      return new StreamFilter(request.types(), asked == null ? null : Set.of(asked));
    }
    if (asked == null) {
      return new StreamFilter(request.types(), callerTenants);
    }
    if (!callerTenants.contains(asked)) {
      throw new StreamRefusedException(
          StreamRefusedException.Reason.FORBIDDEN,
          "tenant '"
              + asked
              + "' is not among the caller's tenants "
              + new TreeSet<>(callerTenants)
              + ": name one of them, or none to stream all of them");
    }
    return new StreamFilter(request.types(), Set.of(asked));
  }

  public boolean wantsType(String type) {
    return types.isEmpty() || types.stream().anyMatch(pattern -> pattern.matches(type));
  }

  /** Whether the stream shows the event. */
  public boolean accepts(CloudEvent event) {
    String tenant = event.tenantid();
    return wantsType(event.type())
        && (tenants == null || (tenant != null && tenants.contains(tenant)));
  }

  /**
   * The channels whose type the filter wants, whose topics the stream reads.
   *
   * @throws StreamRefusedException (invalid) when the patterns match no type Herald carries
   */
  public List<EventChannel> channels(Collection<EventChannel> all) {
    List<EventChannel> wanted = all.stream().filter(c -> wantsType(c.type())).toList();
    if (wanted.isEmpty()) {
      throw StreamRefusedException.invalid(
          "types "
              + types.stream().map(TypePattern::toString).collect(Collectors.joining(","))
              + " match none of the types Herald carries (GET /api/event-types lists them)");
    }
    return wanted;
  }
}
