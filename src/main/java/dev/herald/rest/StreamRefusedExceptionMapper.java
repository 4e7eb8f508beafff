package dev.herald.rest;

import dev.herald.stream.StreamRefusedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A live stream not opened, as a problem: 400, 403, or 503 with {@code Retry-After}. */
@Provider
public class StreamRefusedExceptionMapper implements ExceptionMapper<StreamRefusedException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(StreamRefusedException exception) {
    Problem problem =
        switch (exception.reason()) {
          case INVALID -> Problem.of(400, "Bad Request", exception.getMessage());
          case FORBIDDEN -> Problem.of(403, "Forbidden", exception.getMessage());
          case BUSY -> Problem.of(503, "Too many live streams", exception.getMessage());
          case UNAVAILABLE -> Problem.of(503, "Kafka unavailable", exception.getMessage());
        };
    Response response = ProblemResponses.of(problem, uri);
    return problem.status() == 503
        ? Response.fromResponse(response).header("Retry-After", "5").build()
        : response;
  }
}
