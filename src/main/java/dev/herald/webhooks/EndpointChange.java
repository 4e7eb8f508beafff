package dev.herald.webhooks;

import dev.herald.events.TypePattern;
import java.util.List;

/**
 * What a PATCH of an endpoint changes; a null member keeps its value.
 *
 * @param tenantGiven whether the tenant changes (to {@code tenantid}, null for every tenant)
 * @param enabled true enables the endpoint again (a disabled reason is forgotten), false disables
 *     it
 */
public record EndpointChange(
    String url, List<TypePattern> types, boolean tenantGiven, String tenantid, Boolean enabled) {}
