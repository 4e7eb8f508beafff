package dev.herald.rest;

import dev.herald.deadletters.DeadLetterException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused dead-letter operation as a problem: 404, 400, 409, or 503 when Kafka did not answer.
 */
@Provider
public class DeadLetterExceptionMapper implements ExceptionMapper<DeadLetterException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(DeadLetterException exception) {
    Problem problem;
    if (exception instanceof DeadLetterException.NotFound) {
      problem = Problem.of(404, "Not Found", exception.getMessage());
    } else if (exception instanceof DeadLetterException.InvalidQuery) {
      problem = Problem.of(400, "Bad Request", exception.getMessage());
    } else if (exception instanceof DeadLetterException.Conflict) {
      problem = Problem.of(409, "Conflict", exception.getMessage());
    } else {
      Response unavailable =
          ProblemResponses.of(Problem.of(503, "Kafka unavailable", exception.getMessage()), uri);
      return Response.fromResponse(unavailable).header("Retry-After", "5").build();
    }
    return ProblemResponses.of(problem, uri);
  }
}
