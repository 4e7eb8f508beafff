package dev.herald.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;

/**
 * Gives Liberty's bare 401 (a route with {@code @RolesAllowed} called without valid credentials) a
 * problem-details body; the container's {@code WWW-Authenticate} challenge stays as it is.
 */
@Provider
public class UnauthorizedProblemFilter implements ContainerResponseFilter {

  static final String DETAIL =
      "Unauthorized: this route needs credentials (HTTP Basic) of a user in one of its roles;"
          + " the README's Security section lists the roles of every route";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 401 || response.hasEntity()) {
      return;
    }
    UriInfo uri = request.getUriInfo();
    Problem problem =
        Problem.of(401, "Unauthorized", DETAIL).withInstance(uri.getRequestUri().getPath());
    response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
  }
}
