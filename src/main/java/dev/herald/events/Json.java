package dev.herald.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Herald's one JSON mapper, and parsing that says precisely why bytes are not JSON. */
public final class Json {

  /** Thread-safe and reused: building a mapper is expensive. */
  public static final JsonMapper MAPPER = JsonMapper.shared();

  private Json() {}

  /**
   * Parses UTF-8 JSON.
   *
   * @param what names the input in the error, e.g. "record value"
   * @throws InvalidJsonException saying whether the bytes are not UTF-8 or not JSON, and where
   */
  public static JsonNode parse(byte[] bytes, String what) {
    try {
      return MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      if (!isUtf8(bytes)) {
        throw new InvalidJsonException(what + " is not UTF-8 text, so it cannot be JSON", e);
      }
      throw new InvalidJsonException(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** A member's text; null when the member is absent or JSON null. */
  public static String text(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** "object", "array", "string", "number", "boolean" or "null". */
  public static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Bytes that are not JSON. */
  public static class InvalidJsonException extends RuntimeException {
    InvalidJsonException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
