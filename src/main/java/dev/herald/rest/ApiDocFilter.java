package dev.herald.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes every operation that needs a role, that is one with security requirements, so that the
 * resources do not repeat it: the roles its requirements name, as {@value #ROLES} and as a line of
 * its description, and the 401 and 403 problem answers unless the operation describes its own.
 * Named by {@code mp.openapi.filter}.
 *
 * <p>The roles leave the requirements themselves: OpenAPI 3.1 allows role names there, but Liberty
 * validates a requirement of an HTTP scheme by the 3.0 rule (an empty list) and logs an error.
 */
public class ApiDocFilter implements OASFilter {

  /** The extension that lists an operation's roles, any of which may call it. */
  static final String ROLES = "x-roles";

  @Override
  public Operation filterOperation(Operation operation) {
    List<SecurityRequirement> security = operation.getSecurity();
    if (security == null || security.isEmpty()) {
      return operation;
    }
    Set<String> roles = new LinkedHashSet<>();
    List<SecurityRequirement> alternatives = new ArrayList<>();
    for (SecurityRequirement requirement : security) {
      SecurityRequirement schemes = OASFactory.createSecurityRequirement();
      requirement
          .getSchemes()
          .forEach(
              (scheme, scopes) -> {
                roles.addAll(scopes);
                schemes.addScheme(scheme);
              });
      alternatives.add(schemes);
    }
    operation.setSecurity(alternatives);
    if (!roles.isEmpty()) {
      operation.addExtension(ROLES, List.copyOf(roles));
      String line = "Roles: " + Roles.either(List.copyOf(roles)) + ".";
      String description = operation.getDescription();
      operation.setDescription(description == null ? line : description + "\n\n" + line);
    }
    APIResponses responses = operation.getResponses();
    if (!responses.hasAPIResponse("401")) {
      responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(ApiDoc.UNAUTHORIZED));
    }
    if (!responses.hasAPIResponse("403")) {
      responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(ApiDoc.FORBIDDEN));
    }
    return operation;
  }
}
