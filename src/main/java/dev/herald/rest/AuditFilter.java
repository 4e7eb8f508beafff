package dev.herald.rest;

import dev.herald.deadletters.PurgeResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One line on the logger {@value #LOGGER} for every call of an {@link Audited} route: who (the
 * authenticated user), what (method, route, path with query, status, and the {@code Location} of
 * what it started, or what a purge deleted) and when (an ISO instant, as Liberty's default log
 * format has none). Refused calls get a line too: 401 and 403 at {@code WARNING}, the rest at
 * {@code INFO}. Request bodies and headers are never logged.
 */
@Provider
@Audited
public class AuditFilter implements ContainerResponseFilter {

  /** The logger of operator actions, to route them apart from Herald's other messages. */
  public static final String LOGGER = "dev.herald.audit";

  private static final Logger LOG = Logger.getLogger(LOGGER);

  /** Longer paths (a client's odd input) are cut, so that a line stays a line. */
  static final int MAX_PATH = 512;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    Principal user = request.getSecurityContext().getUserPrincipal();
    URI uri = request.getUriInfo().getRequestUri();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
    LOG.log(
        status == 401 || status == 403 ? Level.WARNING : Level.INFO,
        line(
            user == null ? null : user.getName(),
            request.getMethod(),
            template(resource == null ? null : resource.getResourceMethod()),
            path,
            status,
            location == null ? null : URI.create(location.toString()).getRawPath(),
            response.getEntity() instanceof PurgeResult purged ? purged(purged) : null,
            Instant.now()));
  }

  /**
   * The audit line, e.g. {@code user=operator action="POST /api/channels/{channel}/pause"
   * path=/api/channels/chat-message-received/pause status=200 at=2026-12-02T09:00:00.123Z}.
   *
   * @param user null when the caller did not authenticate
   * @param location null when the response names nothing it created
   * @param outcome what the action did, when the response says more than its status; else null
   */
  static String line(
      String user,
      String method,
      String template,
      String path,
      int status,
      String location,
      String outcome,
      Instant at) {
    StringBuilder line = new StringBuilder();
    line.append("user=").append(user == null ? "-" : quoted(user));
    line.append(" action=\"").append(method).append(' ').append(template).append('"');
    line.append(" path=").append(clip(path));
    line.append(" status=").append(status);
    if (location != null) {
      line.append(" location=").append(clip(location));
    }
    if (outcome != null) {
      line.append(' ').append(outcome);
    }
    return line.append(" at=").append(at).toString();
  }

  /** A purge answers what it deleted: the type and time come from the body, so only from here. */
  static String purged(PurgeResult purged) {
    return "type=" + purged.type() + " before=" + purged.before() + " deleted=" + purged.deleted();
  }

  /** The route as declared, e.g. {@code /api/dead-letters/{id}/redrive}. */
  static String template(Method method) {
    if (method == null) {
      return "?";
    }
    Path resource = method.getDeclaringClass().getAnnotation(Path.class);
    Path own = method.getAnnotation(Path.class);
    return Stream.of(
            HeraldApplication.class.getAnnotation(ApplicationPath.class).value(),
            resource == null ? "" : resource.value(),
            own == null ? "" : own.value())
        .map(part -> part.replaceAll("^/+|/+$", ""))
        .filter(part -> !part.isEmpty())
        .collect(Collectors.joining("/", "/", ""));
  }

  /** A user name as is when it is plain, else in quotes with quotes and controls escaped. */
  private static String quoted(String text) {
    if (text.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '"' && c != '\\')) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
              } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
              } else {
                quoted.append((char) c);
              }
            });
    return quoted.append('"').toString();
  }

  /** Raw (percent-encoded) URIs hold no spaces or line breaks; only their length is bounded. */
  private static String clip(String raw) {
    return raw.length() <= MAX_PATH ? raw : raw.substring(0, MAX_PATH) + "…";
  }
}
