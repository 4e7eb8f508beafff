package dev.herald.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of 24 to 64 random bytes. Its
 * {@link #toString()} never shows the value.
 */
public record WebhookSecret(String value) {

  public static final String PREFIX = "whsec_";

  /** The range the Standard Webhooks specification recommends. */
  static final int MIN_BYTES = 24;

  static final int MAX_BYTES = 64;

  private static final int GENERATED_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  public WebhookSecret {
    if (value == null || !value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      // The decoder's message would quote a character of the secret.
      throw new IllegalArgumentException(
          "a webhook secret is " + PREFIX + " and standard base64, which this is not");
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "a webhook secret's key has "
              + MIN_BYTES
              + " to "
              + MAX_BYTES
              + " bytes; this one has "
              + key.length);
    }
  }

  /** A new secret of 32 random bytes. */
  public static WebhookSecret generate() {
    byte[] key = new byte[GENERATED_BYTES];
    RANDOM.nextBytes(key);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  @Override
  public String toString() {
    return "WebhookSecret[" + PREFIX + "…]";
  }
}
