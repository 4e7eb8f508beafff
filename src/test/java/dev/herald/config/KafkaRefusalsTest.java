package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalsTest {

  @Test
  void aRefusedLoginNamesTheSettingsToCheck() {
    var failure =
        new ExecutionException(
            new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL"
                    + " mechanism SCRAM-SHA-512"));

    assertThat(KafkaRefusals.describe(failure))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("authentication failed: ")
                    .contains("SCRAM-SHA-512")
                    .contains("sasl.jaas.config"));
  }

  @Test
  void aFailedTlsHandshakeGivesItsRootCause() {
    var failure =
        new SslAuthenticationException(
            "SSL handshake failed",
            new SSLHandshakeException("PKIX path building failed: no trusted certificate"));

    assertThat(KafkaRefusals.describe(failure))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("PKIX path building failed")
                    .contains("ssl.truststore"));
  }

  @Test
  void aMissingPermissionIsNamed() {
    assertThat(KafkaRefusals.describe(new TopicAuthorizationException("Not authorized")))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("not authorized: "));
  }

  @Test
  void otherFailuresAreNotRefusals() {
    assertThat(KafkaRefusals.describe(new TimeoutException("late"))).isEmpty();
  }
}
