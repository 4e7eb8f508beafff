package dev.herald.rest;

import dev.herald.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/** Reads request bodies with a size limit and turns what is not JSON into a 400 problem. */
public final class RequestBodies {

  private RequestBodies() {}

  public static JsonNode readJson(InputStream body, long maxBytes, String limitKey) {
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > maxBytes) {
      throw new ProblemException(
          Problem.of(
              413,
              "Content Too Large",
              "The request body is larger than " + maxBytes + " bytes (" + limitKey + ")"));
    }
    if (bytes.length == 0) {
      throw new ProblemException(Problem.of(400, "Bad Request", "The request body is empty"));
    }
    try {
      return Json.parse(bytes, "The request body");
    } catch (Json.InvalidJsonException e) {
      throw new ProblemException(Problem.of(400, "Malformed JSON", e.getMessage()));
    }
  }
}
