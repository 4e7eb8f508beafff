package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures checked with the Standard Webhooks library, as a subscriber checks them. */
class SignaturesTest {

  private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  private static final String BODY =
      "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"text\":\"héllo\"}}";

  private final WebhookSecret secret = WebhookSecret.generate();
  private final long now = Instant.now().getEpochSecond();

  @Test
  void aSignedMessageVerifies() {
    String header = Signatures.header(ID, now, BODY, List.of(secret));

    assertThat(header).startsWith("v1,").doesNotContain(" ");
    assertThatCode(() -> verify(secret, ID, now, BODY, header)).doesNotThrowAnyException();
  }

  @Test
  void aChangedIdTimestampOrBodyFailsVerification() {
    String header = Signatures.header(ID, now, BODY, List.of(secret));

    assertThatThrownBy(() -> verify(secret, ID + "x", now, BODY, header))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verify(secret, ID, now - 1, BODY, header))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verify(secret, ID, now, BODY.replace("héllo", "hello"), header))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verify(WebhookSecret.generate(), ID, now, BODY, header))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void duringARotationBothSecretsSignAndEachVerifiesAlone() {
    WebhookSecret next = WebhookSecret.generate();

    String header = Signatures.header(ID, now, BODY, List.of(secret, next));

    assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
    assertThatCode(() -> verify(secret, ID, now, BODY, header)).doesNotThrowAnyException();
    assertThatCode(() -> verify(next, ID, now, BODY, header)).doesNotThrowAnyException();
  }

  @Test
  void aKnownSecretGivesTheSpecificationsSignature() {
    // The example of the Standard Webhooks specification's reference libraries.
    WebhookSecret known = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String header =
        Signatures.header(
            "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", List.of(known));

    assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void noSecretIsRefused() {
    assertThatThrownBy(() -> Signatures.header(ID, now, BODY, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static void verify(WebhookSecret secret, String id, long timestamp, String body, String header)
      throws WebhookVerificationException {
    new Webhook(secret.value())
        .verify(
            body,
            Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(header)));
  }
}
