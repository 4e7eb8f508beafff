package dev.herald.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.logging.Logger;

/**
 * Gives Liberty's bare 401 (a route with {@code @RolesAllowed} called without valid credentials) a
 * problem-details body; the container's {@code WWW-Authenticate} challenge stays as it is. A
 * refused bearer token gets a warning without the token: server.xml hides Liberty's own message
 * (CWWKS5523E), which quotes a token whose signature does not verify in full.
 */
@Provider
public class UnauthorizedProblemFilter implements ContainerResponseFilter {

  static final String DETAIL =
      "Unauthorized: this route needs valid credentials (HTTP Basic, or a JWT as a bearer token)"
          + " of a user in one of its roles; the README's Security section lists the roles of every"
          + " route";

  private static final Logger LOG = Logger.getLogger(UnauthorizedProblemFilter.class.getName());

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 401 || response.hasEntity()) {
      return;
    }
    UriInfo uri = request.getUriInfo();
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      LOG.warning(
          "Refused a bearer token on "
              + request.getMethod()
              + " "
              + uri.getRequestUri().getPath()
              + ": not valid for this server (issuer, audience, time or signature); trace"
              + " com.ibm.ws.security.mp.jwt.*=all says which");
    }
    Problem problem =
        Problem.of(401, "Unauthorized", DETAIL).withInstance(uri.getRequestUri().getPath());
    response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
  }
}
