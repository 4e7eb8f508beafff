package dev.herald.events;

import dev.herald.problems.Problem;
import dev.herald.problems.ProblemException;
import dev.herald.routing.EventOutcome;
import dev.herald.routing.RecentOutcomes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Publishes events over HTTP and shows what the handlers did with them. */
@Path("events")
@RequestScoped
public class EventsResource {

  @Inject EventPublisher publisher;
  @Inject RecentOutcomes outcomes;

  /** Answers 202 once the broker stored the event, with its topic, partition and offset. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> publish(String body) {
    EventRequest.Result request = EventRequest.read(parseObject(body));
    if (!request.valid()) {
      throw new ProblemException(
          Problem.of(422, "Invalid event", "The event is not a valid CloudEvent; see errors")
              .withErrors(request.violations()));
    }
    CloudEvent event = request.event();
    try {
      return publisher
          .publish(event)
          .thenApply(
              receipt ->
                  Response.accepted(receipt)
                      .location(URI.create("/api/events/" + receipt.id()))
                      .build())
          .exceptionally(EventsResource::unavailable);
    } catch (UnknownEventTypeException e) {
      throw new ProblemException(
          Problem.of(422, "Unknown event type", e.getMessage())
              .withErrors(java.util.List.of(new Problem.Violation("/type", e.getMessage()))));
    }
  }

  /** The handler results of a recently handled event. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public EventOutcome outcome(@PathParam("id") String id) {
    return outcomes
        .find(id)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "Not Found",
                        "No handled event with id '"
                            + id
                            + "' among the recent outcomes (herald.outcomes.retained); it may"
                            + " not have been consumed yet")));
  }

  private static Response unavailable(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String detail = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    Problem problem = Problem.of(503, "Broker unavailable", "The event was not stored: " + detail);
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", "5")
        .entity(problem)
        .build();
  }

  private static jakarta.json.JsonObject parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw new ProblemException(Problem.of(400, "Bad Request", "The request body is empty"));
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new ProblemException(
          Problem.of(400, "Malformed JSON", "The request body is not JSON: " + e.getMessage()));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new ProblemException(
          Problem.of(
              400,
              "Bad Request",
              "The request body is a JSON "
                  + value.getValueType().name().toLowerCase()
                  + "; an event is a JSON object"));
    }
    return value.asJsonObject();
  }
}
