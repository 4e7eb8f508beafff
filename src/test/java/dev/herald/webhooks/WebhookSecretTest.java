package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

  @Test
  void aGeneratedSecretIsWhsecAndTheBase64Of32RandomBytes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      WebhookSecret secret = WebhookSecret.generate();
      assertThat(secret.value()).startsWith("whsec_");
      assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
      assertThat(new WebhookSecret(secret.value())).isEqualTo(secret);
      seen.add(secret.value());
    }
    assertThat(seen).hasSize(20);
  }

  @Test
  void aSecretWithoutPrefixNotBase64OrOfTheWrongSizeIsRefusedWithoutBeingQuoted() {
    String key24 = Base64.getEncoder().encodeToString(new byte[24]);
    String key64 = Base64.getEncoder().encodeToString(new byte[64]);

    assertThat(new WebhookSecret("whsec_" + key24).value()).endsWith(key24);
    assertThat(new WebhookSecret("whsec_" + key64).value()).endsWith(key64);
    assertThatThrownBy(() -> new WebhookSecret(key24)).hasMessageContaining("starts with whsec_");
    assertThatThrownBy(() -> new WebhookSecret("whsec_not*base64!"))
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not*base64");
    assertThatThrownBy(
            () -> new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("24 to 64 bytes; this one has 16");
    assertThatThrownBy(
            () -> new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
        .hasMessageContaining("this one has 65");
  }

  @Test
  void itsTextNeverShowsTheValue() {
    WebhookSecret secret = WebhookSecret.generate();

    assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
  }
}
