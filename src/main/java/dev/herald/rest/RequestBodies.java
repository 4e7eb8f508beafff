package dev.herald.rest;

import dev.herald.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/** Reads request bodies with a size limit and turns what is not JSON into a 400 problem. */
public final class RequestBodies {

  private RequestBodies() {}

  public static JsonNode readJson(InputStream body, long maxBytes, String limitKey) {
    return readJson(body, -1, maxBytes, limitKey);
  }

  /**
   * Reads a body whose {@code Content-Length} is known into one array of that size (a body of a
   * thousand events is a megabyte: reading it in chunks and joining them costs twice its size in
   * garbage), or up to the limit when the length is not declared.
   *
   * @param declaredLength the request's {@code Content-Length}, or -1
   */
  public static JsonNode readJson(
      InputStream body, long declaredLength, long maxBytes, String limitKey) {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes, limitKey);
    }
    byte[] bytes;
    try {
      bytes =
          declaredLength >= 0
              ? readExactly(body, (int) declaredLength)
              : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(maxBytes, limitKey);
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

  /** The declared number of bytes, or fewer when the body ends before (then not JSON, a 400). */
  private static byte[] readExactly(InputStream body, int length) throws IOException {
    byte[] bytes = new byte[length];
    int read = body.readNBytes(bytes, 0, length);
    return read == length ? bytes : Arrays.copyOf(bytes, read);
  }

  private static ProblemException tooLarge(long maxBytes, String limitKey) {
    return new ProblemException(
        Problem.of(
            413,
            "Content Too Large",
            "The request body is larger than " + maxBytes + " bytes (" + limitKey + ")"));
  }
}
