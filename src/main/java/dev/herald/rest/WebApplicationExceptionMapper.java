package dev.herald.rest;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * JAX-RS errors (403, 404, 405, 406, 415 ...) as problem details, with the runtime's message; a
 * caller without the route's role (Liberty's {@code @RolesAllowed} check) is told which role.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;
  @Context ResourceInfo resource;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response.StatusType status = exception.getResponse().getStatusInfo();
    String detail =
        exception instanceof ForbiddenException ? forbidden(route()) : exception.getMessage();
    return ProblemResponses.of(
        Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail), uri);
  }

  private Method route() {
    return resource == null ? null : resource.getResourceMethod();
  }

  /** Names the roles the route allows: the caller authenticated but has none of them. */
  static String forbidden(Method route) {
    List<String> roles = route == null ? List.of() : Roles.allowed(route);
    if (roles.isEmpty()) {
      return "Forbidden: the caller may not use this route";
    }
    return "Forbidden: this route needs role "
        + Roles.either(roles)
        + "; the caller's user is in none of these groups";
  }
}
