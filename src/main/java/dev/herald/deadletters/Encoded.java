package dev.herald.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes shown as text: as they are when they are UTF-8, else in Base64, saying which.
 *
 * @param text the bytes as text; null for null bytes
 * @param encoding {@code utf-8} or {@code base64}; null for null bytes
 */
public record Encoded(String text, String encoding) {

  public static final String UTF_8 = "utf-8";
  public static final String BASE64 = "base64";

  public static Encoded of(byte[] bytes) {
    if (bytes == null) {
      return new Encoded(null, null);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Encoded(text, UTF_8);
    } catch (CharacterCodingException e) {
      return new Encoded(Base64.getEncoder().encodeToString(bytes), BASE64);
    }
  }
}
