package dev.herald.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.List;
import java.util.StringJoiner;

/**
 * The {@code webhook-signature} header: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} per
 * secret, space-separated, so that during a rotation the old and the new secret both verify.
 *
 * <p>The signing is the Standard Webhooks library's ({@code
 * com.standardwebhooks:standardwebhooks}), the code subscribers verify with. It signs the body as
 * text (UTF-8), so the body sent must be the UTF-8 bytes of that same text: {@link WebhookMessage}
 * holds it as text for that reason.
 */
public final class Signatures {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  private Signatures() {}

  /**
   * @param id the message id, the same on every attempt
   * @param timestamp the attempt's time in unix seconds
   * @param body the request body as sent
   * @param secrets one secret, or two during a rotation
   */
  public static String header(String id, long timestamp, String body, List<WebhookSecret> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a webhook is signed with at least one secret");
    }
    StringJoiner header = new StringJoiner(" ");
    for (WebhookSecret secret : secrets) {
      try {
        header.add(new Webhook(secret.value()).sign(id, timestamp, body));
      } catch (WebhookSigningException e) {
        // HmacSHA256 is in every JRE and the secret's key was checked: this does not happen.
        throw new IllegalStateException("HMAC-SHA256 signing failed: " + e.getMessage(), e);
      }
    }
    return header.toString();
  }
}
