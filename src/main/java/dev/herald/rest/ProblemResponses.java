package dev.herald.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds {@code application/problem+json} responses. */
final class ProblemResponses {

  private ProblemResponses() {}

  static Response of(Problem problem, UriInfo uri) {
    Problem located =
        problem.instance() == null && uri != null
            ? problem.withInstance(uri.getRequestUri().getPath())
            : problem;
    return Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(located).build();
  }
}
